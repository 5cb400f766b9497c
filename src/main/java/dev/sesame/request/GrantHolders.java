package dev.sesame.request;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.HeldAccess;
import dev.sesame.catalog.RoleName;
import org.springframework.stereotype.Component;

/** Who holds a role, for the catalog: the people whose grants of it have not ended. */
@Component
class GrantHolders implements HeldAccess {

  private final RequestRepository repository;

  GrantHolders(RequestRepository repository) {
    this.repository = repository;
  }

  @Override
  public int holders(AppName app, RoleName role) {
    return repository.holders(app, role);
  }
}
