package dev.sesame.catalog;

import dev.sesame.audit.AuditTrail;
import dev.sesame.common.ConflictException;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Archives an app: it disappears from the assistant and the catalog list, but its versions,
 * requests and grants stay, so history and audit remain whole. Its open requests are closed in the
 * same transaction (through {@link AppChanged}); access already granted stays until it is revoked.
 */
@Component
public class ArchiveApp {

  private final CatalogRepository repository;
  private final CatalogAdmins admins;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ArchiveApp(CatalogRepository repository, CatalogAdmins admins, AuditTrail audit, Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.repository = repository;
    this.admins = admins;
    this.audit = audit;
    this.clock = clock;
  }

  /** Checks that the app can be archived and returns it as it is, changing nothing. */
  public CatalogApp dryRun(AppName name, @Nullable Integer expectedVersion, PersonId actor) {
    admins.require(actor);
    return archivable(repository.find(name), name, expectedVersion);
  }

  /** Archives the app, over the version the admin read when one is given. */
  @Transactional
  public CatalogApp execute(AppName name, @Nullable Integer expectedVersion, String reason, PersonId actor) {
    admins.require(actor);
    CatalogApp app = archivable(repository.lock(name), name, expectedVersion);
    String description = reason.isBlank() ? "Archived" : reason.strip();
    Revision revision = new Revision(app.revision().version() + 1, description, clock.instant(), actor);
    CatalogApp archived = new CatalogApp(app.entry(), revision, true);
    repository.update(archived);
    audit.catalogChanged(actor.value(), app.name().value(), "archived", revision.version(), description);
    events.publishEvent(new AppChanged(app, archived, actor, null));
    return archived;
  }

  private static CatalogApp archivable(java.util.Optional<CatalogApp> found, AppName name,
      @Nullable Integer expectedVersion) {
    CatalogApp app = found.orElseThrow(() -> new NotFoundException("there is no app named '" + name.value() + "'"));
    SaveApp.requireVersion(app, expectedVersion);
    if (app.archived()) {
      throw new ConflictException(app.name().value() + " is already archived");
    }
    return app;
  }
}
