package dev.sesame.request;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.HeldAccess;
import dev.sesame.catalog.RoleName;
import org.springframework.stereotype.Component;

/**
 * Who holds a role, for the catalog: the people whose grants of it are active or still ending
 * (not ended, not left unmanaged).
 */
@Component
class GrantHolders implements HeldAccess {

  private final EndAccess access;

  GrantHolders(EndAccess access) {
    this.access = access;
  }

  @Override
  public int holders(AppName app, RoleName role) {
    return (int) access.activeGrants(app, role).stream().map(Grant::person).distinct().count();
  }
}
