package dev.sesame.assistant;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.directory.PersonId;
import dev.sesame.request.Grant;
import dev.sesame.request.GrantState;
import dev.sesame.request.Requests;
import dev.sesame.request.RevokeAccess;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * "Remove my access to figma" in the conversation: asks for a yes first, then ends every grant the
 * person holds for the app (all its roles) and says "removing you now"; the "done" comes as a
 * notice once the identity system confirmed the removal ({@link AccessNotices}).
 */
@Component
class GrantCommands {

  private final Requests requests;
  private final RevokeAccess revoke;
  private final Catalog catalog;

  GrantCommands(Requests requests, RevokeAccess revoke, Catalog catalog) {
    this.requests = requests;
    this.revoke = revoke;
    this.catalog = catalog;
  }

  /** The person asks to lose their access to {@code app}: confirm first. */
  Turn askRemoval(PersonId person, CatalogEntry app, ConversationState state) {
    String name = "**" + app.name().value() + "**";
    List<Grant> held = held(person, app, GrantState.ACTIVE);
    if (held.isEmpty()) {
      if (!held(person, app, GrantState.ENDING).isEmpty()) {
        return new Turn("I'm already removing your access to " + name + "; I'll tell you here when it's done.",
            state.idle());
      }
      return new Turn("You have no access to " + name + " that I gave you, so there's nothing for me to remove."
          + " If you still see it, please ask IT.", state.idle());
    }
    return new Turn("Shall I remove your access to " + name + roles(held) + "? You'd have to ask again to get it "
        + "back. (yes/no)", state.confirmingRemoval(app.name().value()));
  }

  /** The person said yes: end every grant they hold for the app. */
  Turn confirmRemoval(PersonId person, ConversationState state) {
    Optional<CatalogEntry> app = current(state);
    if (app.isEmpty()) {
      return new Turn("That app is no longer in the catalog; please ask IT to remove your access.", state.idle());
    }
    List<Grant> held = held(person, app.get(), GrantState.ACTIVE);
    if (held.isEmpty()) {
      return askRemoval(person, app.get(), state);
    }
    held.forEach(g -> revoke.execute(g.id(), person, null));
    return new Turn("OK, removing you from **" + app.get().name().value() + "**" + roles(held)
        + " now. I'll tell you here when it's done.", state.idle());
  }

  private List<Grant> held(PersonId person, CatalogEntry app, GrantState state) {
    return requests.grants(person).stream()
        .filter(g -> g.app().equals(app.name().key()) && g.state() == state)
        .toList();
  }

  private static String roles(List<Grant> held) {
    List<String> roles = held.stream().map(Grant::role).filter(r -> r != null).distinct().toList();
    return roles.isEmpty() ? "" : " (" + String.join(", ", roles) + ")";
  }

  private Optional<CatalogEntry> current(ConversationState state) {
    return state.app() == null ? Optional.empty()
        : AppName.parse(state.app()).flatMap(catalog::find).map(CatalogApp::entry);
  }
}
