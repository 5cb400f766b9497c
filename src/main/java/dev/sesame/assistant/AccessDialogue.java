package dev.sesame.assistant;

import dev.sesame.approval.ApprovalPlan;
import dev.sesame.approval.Stage;
import dev.sesame.catalog.AppName;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Role;
import dev.sesame.catalog.RoleName;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import dev.sesame.request.AccessRequest;
import dev.sesame.request.RequestState;
import dev.sesame.request.SubmitRequest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The part of the conversation where someone asks for an app: the dry run of {@link SubmitRequest}
 * decides what to say or ask next (refusal, instructions, role, confirmation), and "yes" submits.
 */
@Component
class AccessDialogue {

  private final Catalog catalog;
  private final SubmitRequest submit;
  private final Directory directory;
  private final People people;
  private final java.time.Clock clock;

  AccessDialogue(Catalog catalog, SubmitRequest submit, Directory directory, People people, java.time.Clock clock) {
    this.clock = clock;
    this.catalog = catalog;
    this.submit = submit;
    this.directory = directory;
    this.people = people;
  }

  /** Someone named an app, perhaps with a role: answer from the dry run. */
  Turn ask(PersonId person, CatalogEntry app, @Nullable RoleName role, ConversationState state) {
    return ask(person, app, role, null, false, state);
  }

  /**
   * Someone named an app, perhaps with a role and an end ({@code until}), or asked to renew it:
   * answer from the dry run. An end that cannot be given is explained and asked for again.
   */
  Turn ask(PersonId person, CatalogEntry app, @Nullable RoleName role, java.time.@Nullable Instant until,
      boolean renewal, ConversationState state) {
    SubmitRequest.Command command = new SubmitRequest.Command(person, app.name(), role, until, renewal);
    SubmitRequest.Analysis analysis;
    try {
      analysis = submit.dryRun(command);
    } catch (dev.sesame.common.InvalidInputException e) {
      String why = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).reason();
      String end = until == null ? "that end date" : EndPhrase.describe(until);
      if (app.durationFor(role == null ? Optional.empty() : app.role(role)).allowsEnd()) {
        return new Turn("I can't ask for **" + app.name().value() + "** until " + end + ": the date " + why
            + ". Until when do you need it?", state.choosingEnd(app.name().value(),
                role == null ? null : role.value(), renewal));
      }
      return new Turn("Access to **" + app.name().value() + "** doesn't end on a date, so I can't ask for it until "
          + end + ". Ask again without a date if you need it.", state.idle());
    }
    String roleName = analysis.role().map(r -> r.name().value()).orElse(role == null ? null : role.value());
    if (analysis.outcome() == SubmitRequest.Outcome.NOT_ALLOWED) {
      submit.execute(command); // records the refusal in the audit trail; submits nothing
    }
    String name = "**" + app.name().value() + "**";
    return switch (analysis.outcome()) {
      case UNKNOWN_APP -> new Turn("I couldn't find " + name + " in the catalog any more.", state.idle());
      case DISABLED -> new Turn(name + " can't be requested here." + (app.links().isEmpty()
          ? " Please contact IT." : Replies.links(app)), state.idle());
      case NOT_ALLOWED -> new Turn(refusal(person, app), state.idle());
      case RULE_FAILED -> new Turn("I can't tell whether you may have " + name + ": its access rule could not be "
          + "checked for you. I've kept a note of it; please ask the app admins or IT.", state.idle());
      case SELF_SERVICE -> new Turn(Replies.selfService(app), state.idle());
      case ROLE_NEEDED -> new Turn(Replies.roles(app, analysis.heldRoles()),
          state.choosingRole(app.name().value()).withEnd(until, renewal));
      case UNKNOWN_ROLE -> new Turn(name + " has no such role.\n\n" + Replies.roles(app, analysis.heldRoles()),
          state.choosingRole(app.name().value()).withEnd(until, renewal));
      case ALREADY_HAS_ACCESS -> alreadyHas(app, analysis, state);
      case ALREADY_REQUESTED -> new Turn(alreadyAsked(app, analysis.open().orElseThrow()), state.idle());
      case END_DATE_NEEDED -> new Turn((renewal ? "Until when should I extend your access to " + name + "?"
          : name + " is only given for a while. Until when do you need it?")
          + " (e.g. **for 2 weeks** or **until " + java.time.LocalDate.now(clock).plusDays(14) + "**; at most "
          + longest(app, analysis.role()) + ")", state.choosingEnd(app.name().value(), roleName, renewal));
      case NOTHING_TO_RENEW -> new Turn("You have no access to " + name
          + analysis.role().map(r -> " (" + r.displayName() + ")").orElse("")
          + " that ends on a date, so there's nothing to renew.", state.idle());
      case READY -> new Turn(confirmation(app, analysis.role(), analysis.plan().orElseThrow(), until, renewal),
          state.confirming(app.name().value(), roleName).withEnd(until, renewal));
    };
  }

  /** The person answers the role question. */
  Turn chooseRole(PersonId person, String text, ConversationState state) {
    Optional<CatalogEntry> app = current(state);
    if (app.isEmpty()) {
      return new Turn("That app is no longer in the catalog. What else can I get you?", state.idle());
    }
    List<Role> roles = app.get().roles();
    Optional<RoleChooser.Choice> choice = RoleChooser.choose(text, roles, true);
    if (choice.isEmpty()) {
      return new Turn("Sorry, I didn't catch which role you need.\n\n" + Replies.roles(app.get(), List.of()), state);
    }
    return ask(person, app.get(), choice.get().role().name(), state.end(), state.renew(), state);
  }

  /** The person answers "until when?". */
  Turn chooseEnd(PersonId person, java.time.Instant until, ConversationState state) {
    Optional<CatalogEntry> app = current(state);
    if (app.isEmpty()) {
      return new Turn("That app is no longer in the catalog. What else can I get you?", state.idle());
    }
    return ask(person, app.get(), state.role() == null ? null : new RoleName(state.role()), until, state.renew(),
        state);
  }

  /** The person answers yes to the confirmation: submit. */
  Turn confirm(PersonId person, ConversationState state) {
    Optional<CatalogEntry> app = current(state);
    if (app.isEmpty()) {
      return new Turn("That app is no longer in the catalog, so I haven't requested it.", state.idle());
    }
    RoleName role = state.role() == null ? null : new RoleName(state.role());
    SubmitRequest.Submission submission;
    try {
      submission = submit.execute(new SubmitRequest.Command(person, app.get().name(), role, state.end(),
          state.renew()));
    } catch (dev.sesame.common.InvalidInputException e) {
      // The end date no longer fits (a day passed, the app's maximum changed): explain and ask again.
      return ask(person, app.get(), role, state.end(), state.renew(), state);
    }
    if (submission.request().isEmpty()) {
      // Something changed since the question (the app was disabled, access granted meanwhile…).
      return ask(person, app.get(), role, state.end(), state.renew(), state);
    }
    AccessRequest request = submission.request().get();
    if (!submission.created()) {
      return new Turn(alreadyAsked(app.get(), request), state.idle());
    }
    String what = "**" + app.get().name().value() + "**"
        + request.role().map(r -> " (" + Replies.roleLabel(app.get(), r) + ")").orElse("")
        + request.until().map(u -> " until " + EndPhrase.describe(u)).orElse("");
    if (request.renews().isPresent()) {
      what = "extending " + what;
    }
    if (request.state() == RequestState.NEEDS_ATTENTION) {
      return new Turn("Request submitted for " + what + ", but nobody can approve it right now ("
          + request.history().get(request.history().size() - 1).text() + "). I've passed it to the IT admins and "
          + "will tell you here when it moves on.", state.idle());
    }
    if (request.state() == RequestState.APPROVED) {
      return new Turn("Done: your request for " + what + " needs no approval. I'm setting up your access now "
          + "and will tell you here when it's ready.", state.idle());
    }
    return new Turn("Request submitted for " + what + ". I've asked "
        + people.approvers(request.waitingStage().orElseThrow())
        + " to approve it; I'll tell you here when they decide.", state.idle());
  }

  private Turn alreadyHas(CatalogEntry app, SubmitRequest.Analysis analysis, ConversationState state) {
    String name = "**" + app.name().value() + "**";
    if (analysis.role().isEmpty()) {
      return new Turn("You already have access to " + name + ", so there's nothing to request." + Replies.links(app),
          state.idle());
    }
    Role role = analysis.role().get();
    return new Turn("You already have the **" + role.displayName() + "** role in " + name + ". "
        + "If you need a different role, pick one:\n\n" + Replies.roles(app, analysis.heldRoles()),
        state.choosingRole(app.name().value()));
  }

  private String alreadyAsked(CatalogEntry app, AccessRequest open) {
    String waiting = open.state() == RequestState.PENDING_APPROVAL
        ? " It's waiting for " + people.approvers(open.waitingStage().orElseThrow()) + "."
        : " It's " + open.state().label() + ".";
    return "You already asked for **" + app.name().value() + "**"
        + open.role().map(r -> " (" + Replies.roleLabel(app, r) + ")").orElse("")
        + " on " + Replies.when(open.createdAt()) + "." + waiting + " I'll tell you here when it moves on.";
  }

  private String confirmation(CatalogEntry app, Optional<Role> role, ApprovalPlan plan,
      java.time.@Nullable Instant until, boolean renewal) {
    String what = "**" + app.name().value() + "**" + role.map(r -> " with the **" + r.displayName() + "** role").orElse("")
        + (until == null ? "" : " until " + EndPhrase.describe(until));
    if (renewal) {
      if (plan.automatic()) {
        return "I can extend your access to " + what + " right away; it needs no approval. Shall I go ahead? (yes/no)";
      }
      what = "to extend your access to " + what;
    }
    if (plan.automatic()) {
      return "I can get you " + what + " right away; it needs no approval. Shall I go ahead? (yes/no)";
    }
    StringBuilder out = new StringBuilder("I'll request " + what + ". ");
    List<Stage> stages = plan.stages();
    out.append(stages.size() == 1 ? "It needs approval from " : "It needs approval from, in turn: ");
    for (int i = 0; i < stages.size(); i++) {
      if (i > 0) {
        out.append(i == stages.size() - 1 ? ", then " : ", ");
      }
      out.append(people.approvers(stages.get(i)));
    }
    return out.append(". Shall I submit the request? (yes/no)").toString();
  }

  private static String longest(CatalogEntry app, Optional<Role> role) {
    java.time.Duration max = app.durationFor(role).longest();
    return dev.sesame.common.Durations.words(max);
  }

  private String refusal(PersonId person, CatalogEntry app) {
    Optional<Person> requester = directory.find(person);
    String why = requester.flatMap(p -> RuleExplainer.explain(app.accessRule(), p))
        .map(text -> "it is only available to people " + text)
        .orElse("its access rule does not include you");
    String admins = app.appAdmins().isEmpty() ? "IT" : "the app admins (" + people.names(app.appAdmins()) + ")";
    return "Sorry" + requester.map(p -> ", " + p.displayName().split(" ")[0]).orElse("") + " — I can't request **"
        + app.name().value() + "** for you: " + why + ". If you believe you need it, please talk to " + admins + ".";
  }

  private Optional<CatalogEntry> current(ConversationState state) {
    return state.app() == null ? Optional.empty()
        : AppName.parse(state.app()).flatMap(catalog::find).filter(a -> !a.archived()).map(CatalogApp::entry);
  }
}
