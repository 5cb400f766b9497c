package dev.sesame.assistant;

import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import dev.sesame.request.AccessRequest;
import dev.sesame.request.RequestEvent;
import java.util.Collection;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people in their conversation what happened to a request. It runs inside the transaction
 * that changed the request, so a message exists exactly when the change was committed; and it
 * claims success only after the identity system confirmed it (the {@code Fulfilled} event).
 */
@Component
class Notifier {

  private final ConversationStore store;
  private final People people;
  private final Catalog catalog;
  private final CatalogAdmins admins;

  Notifier(ConversationStore store, People people, Catalog catalog, CatalogAdmins admins) {
    this.store = store;
    this.people = people;
    this.catalog = catalog;
    this.admins = admins;
  }

  @EventListener
  void on(RequestEvent event) {
    AccessRequest r = event.request();
    String app = "**" + r.app().value() + "**" + r.role().map(role -> " (" + role.value() + ")").orElse("");
    String requester = people.name(r.requester());
    if (event instanceof RequestEvent.Submitted submitted) {
      tell(submitted.approvers(), "**" + requester + "** asks for " + app + ". Say **approvals** to decide.");
    } else if (event instanceof RequestEvent.NextStage next) {
      tell(r.requester(), people.name(next.decidedBy()) + " approved your request for " + app
          + ". It now waits for " + people.names(next.approvers()) + ".");
      tell(next.approvers(), "**" + requester + "** asks for " + app + " (already approved by "
          + people.name(next.decidedBy()) + "). Say **approvals** to decide.");
    } else if (event instanceof RequestEvent.Approved approved) {
      if (!approved.decidedBy().equals("sesame")) {
        tell(r.requester(), "Good news: " + people.name(new PersonId(approved.decidedBy()))
            + " approved your request for " + app + (r.renews().isPresent()
                ? ". I'm extending your access now." : ". I'm setting up your access now."));
      }
    } else if (event instanceof RequestEvent.Denied denied) {
      tell(r.requester(), people.name(denied.decidedBy()) + " denied your request for " + app
          + (denied.comment().isEmpty() ? "." : ": " + denied.comment()));
    } else if (event instanceof RequestEvent.Cancelled) {
      tell(r.stages().isEmpty() ? java.util.Set.of() : r.stages().get(r.currentStage()).approvers(),
          requester + " cancelled their request for " + app + "; there is nothing to decide.");
    } else if (event instanceof RequestEvent.Fulfilled && r.renews().isEmpty()) {
      // NB. A fulfilled renewal is told by AccessNotices ("now lasts until …").
      String links = catalog.find(r.app()).map(CatalogApp::entry).map(Replies::links).orElse("");
      tell(r.requester(), "You now have access to " + app + ". It can take a few minutes to show up in the app." + links);
    } else if (event instanceof RequestEvent.Reassigned moved) {
      tell(moved.removed(), "The request of **" + requester + "** for " + app + " no longer needs your decision ("
          + moved.reason() + ").");
      tell(moved.added(), "**" + requester + "** asks for " + app + " and it now waits for you (" + moved.reason()
          + "). Say **approvals** to decide.");
      if (r.state() == dev.sesame.request.RequestState.PENDING_APPROVAL) {
        tell(r.requester(), "Your request for " + app + " now waits for " + people.names(r.currentApprovers())
            + ": " + People.yours(moved.reason()) + ".");
      }
    } else if (event instanceof RequestEvent.Escalated escalated) {
      tell(escalated.added(), "The request of **" + requester + "** for " + app + " has waited a long time for "
          + people.names(r.undecidedApprovers()) + "; you can decide it too. Say **approvals** to decide.");
    } else if (event instanceof RequestEvent.Reminded reminded) {
      tell(reminded.approvers(), "Reminder: **" + requester + "** is still waiting for your decision on " + app
          + " (asked " + Replies.when(r.createdAt()) + "). Say **approvals** to decide.");
    } else if (event instanceof RequestEvent.Expired expired) {
      tell(r.requester(), "Your request for " + app + " expired: " + expired.reason()
          + ". You can ask again whenever you like.");
      tell(expired.approvers(), "The request of **" + requester + "** for " + app + " expired; there is nothing"
          + " to decide.");
    } else if (event instanceof RequestEvent.Overridden overridden) {
      java.util.Set<PersonId> others = new java.util.TreeSet<>(overridden.approvers());
      others.remove(overridden.admin());
      tell(others, people.name(overridden.admin()) + " (an admin) "
          + (overridden.verdict() == dev.sesame.request.Verdict.APPROVED ? "approved" : "denied")
          + " the request of **" + requester + "** for " + app + ": " + overridden.reason()
          + ". There is nothing left for you to decide.");
    } else if (event instanceof RequestEvent.Closed closed) {
      tell(r.requester(), "I closed your request for " + app + ": " + closed.reason() + ".");
      tell(closed.approvers(), "The request of **" + requester + "** for " + app + " was closed: "
          + closed.reason() + ". There is nothing to decide.");
    } else if (event instanceof RequestEvent.Delayed delayed) {
      tell(r.requester(), "Setting up " + app + " is taking longer than usual. IT has been told, and I'll let you"
          + " know as soon as it's done.");
      tell(admins.members(), "Setting up " + app + " for **" + requester + "** is taking longer than usual ("
          + delayed.failures() + " failed attempts; the last error: " + delayed.error() + "). Sesame keeps trying;"
          + " if it gives up, the job appears under **Failed Jobs** in the console.");
    } else if (event instanceof RequestEvent.Retried retried) {
      tell(r.requester(), people.name(retried.admin()) + " asked me to try setting up " + app
          + " again. I'll let you know when it's done.");
    } else if (event instanceof RequestEvent.HandedOver handed) {
      tell(r.requester(), "I couldn't set up " + app + " automatically, so IT will handle it with you directly. "
          + people.name(handed.admin()) + " wrote: " + handed.note());
    } else if (event instanceof RequestEvent.NeedsAttention attention) {
      tell(r.requester(), "I couldn't finish setting up " + app + ": " + attention.reason()
          + ". IT has been told and will follow up with you.");
      tell(admins.members(), "The request of **" + requester + "** for " + app + " needs attention: "
          + attention.reason());
    }
  }

  private void tell(PersonId person, String text) {
    store.append(person, "sesame", text);
  }

  private void tell(Collection<PersonId> persons, String text) {
    persons.forEach(p -> tell(p, text));
  }
}
