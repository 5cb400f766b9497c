package dev.sesame.assistant;

import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import dev.sesame.request.AccessRequest;
import dev.sesame.request.Grant;
import dev.sesame.request.RequestEvent;
import java.util.Collection;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people in chat how their access ends: the planned end coming, a renewal, someone else
 * removing it, the confirmed removal ("done"), and — to the catalog admins — a removal that keeps
 * failing. Like {@link Notifier} it runs inside the transaction of the change, so each notice is
 * written exactly once. The person who removes their own access is not told "removing" by notice:
 * the conversation (or the API answer) already said so.
 */
@Component
class AccessNotices {

  private final ConversationStore store;
  private final People people;
  private final CatalogAdmins admins;

  AccessNotices(ConversationStore store, People people, CatalogAdmins admins) {
    this.store = store;
    this.people = people;
    this.admins = admins;
  }

  @EventListener
  void on(RequestEvent event) {
    AccessRequest r = event.request();
    String app = "**" + r.app().value() + "**" + r.role().map(role -> " (" + role.value() + ")").orElse("");
    if (event instanceof RequestEvent.AccessEnding ending) {
      Grant g = ending.grant();
      if (ending.actor().equals("sesame")) {
        tell(g.person(), "Your access to " + app + " has reached its end; I'm removing it now.");
      } else if (!ending.actor().equals(g.person().value())) {
        tell(g.person(), people.name(new PersonId(ending.actor())) + " is removing your access to " + app
            + (ending.reason().isBlank() ? "." : ": " + ending.reason() + "."));
      }
    } else if (event instanceof RequestEvent.AccessEnded ended) {
      Grant g = ended.grant();
      tell(g.person(), "Done: you no longer have access to " + app + ".");
      String by = g.endedBy();
      if (by != null && !by.equals("sesame") && !by.equals(g.person().value())) {
        tell(new PersonId(by), "Done: " + people.name(g.person()) + " no longer has access to " + app + ".");
      }
    } else if (event instanceof RequestEvent.AccessEndFailed failed) {
      Grant g = failed.grant();
      tell(g.person(), "Removing your access to " + app + " is taking longer than it should; IT has been told.");
      tell(admins.members(), "I could not remove **" + people.name(g.person()) + "** from " + app + " (grant "
          + g.id() + ", group " + g.target().group().value() + " in " + g.target().system().value() + "): "
          + failed.error() + ". The access stays until it is removed.");
    } else if (event instanceof RequestEvent.AccessEndingSoon soon) {
      Grant g = soon.grant();
      tell(g.person(), "Your access to " + app + " ends on " + Replies.when(g.endsAt()) + ". Say **renew "
          + r.app().value() + " for 2 weeks** (or until a date) to keep it longer.");
    } else if (event instanceof RequestEvent.AccessRenewed renewed) {
      Grant g = renewed.grant();
      tell(g.person(), "Your access to " + app + (g.endsAt() == null ? " no longer has an end date."
          : " now lasts until " + Replies.when(g.endsAt()) + "."));
    }
  }

  private void tell(PersonId person, String text) {
    store.append(person, "sesame", text);
  }

  private void tell(Collection<PersonId> persons, String text) {
    persons.forEach(p -> tell(p, text));
  }
}
