package dev.sesame.assistant;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.common.ConflictException;
import dev.sesame.common.ForbiddenException;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.PersonId;
import dev.sesame.request.AccessRequest;
import dev.sesame.request.CancelRequest;
import dev.sesame.request.DecideRequest;
import dev.sesame.request.RequestId;
import dev.sesame.request.RequestState;
import dev.sesame.request.Requests;
import dev.sesame.request.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** "my requests", "cancel", "approvals", "approve 1" and "deny 1 reason" in the conversation. */
@Component
class RequestCommands {

  private final Requests requests;
  private final CancelRequest cancel;
  private final DecideRequest decide;
  private final Catalog catalog;
  private final People people;

  RequestCommands(Requests requests, CancelRequest cancel, DecideRequest decide, Catalog catalog, People people) {
    this.requests = requests;
    this.cancel = cancel;
    this.decide = decide;
    this.catalog = catalog;
    this.people = people;
  }

  /** The person's requests, numbered so that "cancel 2" can refer to them. */
  Turn status(PersonId person, ConversationState state) {
    List<AccessRequest> mine = requests.mine(person).stream().limit(10).toList();
    if (mine.isEmpty()) {
      return new Turn("You have no requests yet. Ask me for an app, e.g. **can I get figma?**", state.withRequests(List.of()));
    }
    StringBuilder out = new StringBuilder("Your requests:");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < mine.size(); i++) {
      AccessRequest r = mine.get(i);
      ids.add(r.id().toString());
      out.append("\n").append(i + 1).append(". **").append(r.app().value()).append("**")
          .append(r.role().map(role -> " (" + role.value() + ")").orElse(""))
          .append(" — ").append(r.state().label());
      if (r.state() == RequestState.PENDING_APPROVAL) {
        out.append(" by ").append(people.approvers(r.waitingStage().orElseThrow()));
      }
      out.append(" · asked ").append(Replies.when(r.createdAt()));
    }
    if (mine.stream().anyMatch(r -> r.state() == RequestState.PENDING_APPROVAL || r.state() == RequestState.APPROVED)) {
      out.append("\n\nTo withdraw one, say **cancel** and its number.");
    }
    return new Turn(out.toString(), state.withRequests(ids));
  }

  /** "cancel", "cancel 2" or "cancel my figma request". */
  Turn cancel(PersonId person, String text, Optional<String> appWords, ConversationState state) {
    Optional<Integer> number = RoleChooser.number(Words.of(text));
    if (number.isEmpty() && state.step() != ConversationState.Step.IDLE) {
      return new Turn("OK, I've stopped there. Nothing was requested.", state.idle());
    }
    List<AccessRequest> open = requests.mine(person).stream()
        .filter(r -> r.state() == RequestState.PENDING_APPROVAL || r.state() == RequestState.APPROVED).toList();
    Optional<RequestId> target = Optional.empty();
    if (number.isPresent()) {
      int n = number.get();
      if (n < 1 || n > state.requests().size()) {
        return new Turn("I don't have a request number " + n + " in the last list. Say **my requests** to see them.", state);
      }
      target = RequestId.parse(state.requests().get(n - 1));
    } else if (appWords.isPresent()) {
      target = open.stream().filter(r -> AppName.parse(appWords.get()).map(a -> a.sameAs(r.app())).orElse(false))
          .map(AccessRequest::id).findFirst();
    } else if (open.size() == 1) {
      target = Optional.of(open.get(0).id());
    }
    if (target.isEmpty()) {
      if (open.isEmpty()) {
        return new Turn("You have no open requests to cancel.", state.idle());
      }
      Turn list = status(person, state);
      return new Turn("Which one? Say **cancel** and its number.\n\n" + list.text(), list.state());
    }
    try {
      AccessRequest cancelled = cancel.execute(target.get(), person);
      return new Turn("Cancelled your request for **" + cancelled.app().value() + "**.", state.idle());
    } catch (ConflictException | NotFoundException | ForbiddenException e) {
      return new Turn("I couldn't cancel that request: " + e.getMessage() + ".", state.idle());
    }
  }

  /** The requests waiting for the person's decision, numbered. */
  Turn approvals(PersonId person, ConversationState state) {
    List<AccessRequest> waiting = requests.waitingFor(person);
    if (waiting.isEmpty()) {
      return new Turn("Nothing is waiting for your approval.", state.withApprovals(List.of()));
    }
    StringBuilder out = new StringBuilder("Waiting for your decision:");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < waiting.size(); i++) {
      AccessRequest r = waiting.get(i);
      ids.add(r.id().toString());
      out.append("\n").append(i + 1).append(". **").append(people.name(r.requester())).append("** asks for **")
          .append(r.app().value()).append("**").append(r.role().map(role -> " (" + role.value() + ")").orElse(""))
          .append(" · ").append(Replies.when(r.createdAt()));
      if (!r.currentApprovers().contains(person)) {
        out.append(" · for ").append(people.names(r.undecidedApprovers()));
      }
      if (r.waitingStage().map(s -> s.required() > 1).orElse(false)) {
        out.append(" · ").append(r.approvalsInStage()).append(" of ").append(r.waitingStage().get().required())
            .append(" approvals");
      }
    }
    out.append("\n\nReply **approve 1** or **deny 1** followed by a reason.");
    return new Turn(out.toString(), state.withApprovals(ids));
  }

  /** "approve 2" or "deny 1 not needed for your role". */
  Turn decide(PersonId person, Verdict verdict, int number, String comment, ConversationState state) {
    List<String> listed = state.approvals();
    if (listed.isEmpty()) {
      listed = requests.waitingFor(person).stream().map(r -> r.id().toString()).toList();
    }
    if (number < 1 || number > listed.size()) {
      Turn list = approvals(person, state);
      return new Turn("There's no number " + number + " in your approvals.\n\n" + list.text(), list.state());
    }
    RequestId id = RequestId.parse(listed.get(number - 1)).orElseThrow();
    try {
      DecideRequest.Result result = decide.execute(new DecideRequest.Command(id, person, verdict, comment));
      AccessRequest r = result.request();
      String who = people.name(r.requester());
      String text = switch (result.outcome()) {
        case APPROVED -> "Approved. I'm setting up **" + r.app().value() + "** for " + who + " now.";
        case NEXT_STAGE -> "Approved. The request now waits for "
            + people.names(r.currentApprovers()) + ".";
        case DENIED -> "Denied. I've told " + who + ".";
        case RECORDED -> "Approved. The stage needs " + r.waitingStage().map(s -> s.required()).orElse(1)
            + " approvals and has " + r.approvalsInStage() + " so far; I'll tell " + who + " when it moves on.";
        case STUCK -> "Approved. The next stage has nobody who can approve it, so I've passed the request to the "
            + "IT admins.";
        case ALREADY_DECIDED -> "You already decided on that request; nothing changed.";
      };
      return new Turn(text, state);
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      return new Turn("I couldn't record that: " + e.getMessage() + ".", state);
    }
  }

}
