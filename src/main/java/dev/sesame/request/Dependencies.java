package dev.sesame.request;

import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Role;
import dev.sesame.catalog.RoleName;
import dev.sesame.catalog.Strategy;
import java.util.Optional;

/**
 * Whether what an open request depends on in the catalog is still there: the app, offered by the
 * assistant, with the role asked for, granted through the same group in the same provisioning
 * system as when the request was submitted. Anything else closes the request: it asked for
 * something that no longer exists, and approving it would grant something nobody approved.
 */
final class Dependencies {

  private Dependencies() {}

  /** Why the request can no longer go on with the app as it is now; empty when it can. */
  static Optional<String> whyGone(AccessRequest request, Optional<CatalogApp> found) {
    String name = request.app().value();
    if (found.isEmpty()) {
      return Optional.of(name + " is no longer in the catalog");
    }
    CatalogApp app = found.get();
    if (app.archived()) {
      return Optional.of(name + " was removed from the catalog (archived)");
    }
    CatalogEntry entry = app.entry();
    if (!entry.enabledInBot()) {
      return Optional.of(name + " can no longer be requested through Sesame (an admin turned it off)");
    }
    Optional<ProvisioningTarget> now = target(entry, request.role());
    if (request.role().isPresent() && entry.strategy() instanceof Strategy.RoleAccess
        && entry.role(request.role().get()).isEmpty()) {
      return Optional.of("the role " + request.role().get().value() + " was removed from " + name);
    }
    Optional<ProvisioningTarget> then = request.target();
    if (then.isEmpty() && now.isEmpty()) {
      return Optional.empty();
    }
    if (then.isEmpty() || now.isEmpty()) {
      return Optional.of("the way access to " + name + " is given changed (it is now "
          + entry.strategy().type().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")");
    }
    if (!then.get().system().equals(now.get().system())) {
      return Optional.of(name + " now uses the provisioning system " + now.get().system().value() + " instead of "
          + then.get().system().value());
    }
    // NB. Case is ignored: a DN spelt in other case names the same group.
    if (!then.get().group().value().equalsIgnoreCase(now.get().group().value())) {
      return Optional.of("the group behind " + name + request.role().map(r -> " (" + r.value() + ")").orElse("")
          + " changed");
    }
    return Optional.empty();
  }

  /** The group a request for this role would add to under this entry; empty when there is none. */
  private static Optional<ProvisioningTarget> target(CatalogEntry entry, Optional<RoleName> role) {
    if (entry.strategy() instanceof Strategy.GroupAccess g) {
      return role.isPresent() ? Optional.empty() : Optional.of(new ProvisioningTarget(g.provisioningSystem(), g.externalId()));
    }
    if (entry.strategy() instanceof Strategy.RoleAccess r) {
      return role.flatMap(r::role).map(Role::externalId).map(group -> new ProvisioningTarget(r.provisioningSystem(), group));
    }
    return Optional.empty();
  }
}
