package dev.sesame.catalog;

import dev.sesame.audit.AuditTrail;
import dev.sesame.common.ConflictException;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Creates an app, or saves a new version of one. The dry run reports every problem of the entry
 * (shape, access rule, people, systems, groups, names used elsewhere); {@code execute} saves only an
 * entry without problems, and only over the version the admin read.
 *
 * <p>A change that deletes a role people hold is refused (409) unless it says what happens to
 * their access ({@link HeldAccess.Choice}); the saved change is published as {@link AppChanged}
 * in the same transaction, so the requests that depended on what went away are closed with it.
 */
@Component
public class SaveApp {

  private final CatalogRepository repository;
  private final CatalogReferences references;
  private final CatalogAdmins admins;
  private final AuditTrail audit;
  private final Clock clock;
  private final DeletedRoles deletedRoles;
  private final ApplicationEventPublisher events;

  SaveApp(CatalogRepository repository, CatalogReferences references, CatalogAdmins admins,
      AuditTrail audit, Clock clock, DeletedRoles deletedRoles, ApplicationEventPublisher events) {
    this.deletedRoles = deletedRoles;
    this.events = events;
    this.repository = repository;
    this.references = references;
    this.admins = admins;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Save this entry.
   *
   * @param existing the app being changed; null to create one
   * @param expectedVersion the version the admin read; required when changing an app
   * @param heldAccess what happens to the access of people who hold a role this change deletes;
   *     required only when there are such people
   */
  public record Command(
      @Nullable AppName existing,
      JsonNode entry,
      @Nullable Integer expectedVersion,
      String changeDescription,
      PersonId actor,
      HeldAccess.@Nullable Choice heldAccess) {

    /** A change with no choice for held roles. */
    public Command(@Nullable AppName existing, JsonNode entry, @Nullable Integer expectedVersion,
        String changeDescription, PersonId actor) {
      this(existing, entry, expectedVersion, changeDescription, actor, null);
    }
  }

  /** What saving would do: the problems, or the entry that would be saved. */
  public record Analysis(List<FieldError> errors, Optional<CatalogEntry> entry) {

    /** True when the entry can be saved. */
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** Checks the command without saving anything. */
  public Analysis dryRun(Command command) {
    admins.require(command.actor());
    List<FieldError> errors = new ArrayList<>();
    String description = command.changeDescription().strip();
    if (description.isEmpty()) {
      errors.add(new FieldError("changeDescription", "is required: say what changed and why"));
    } else if (description.length() > 500) {
      errors.add(new FieldError("changeDescription", "has more than 500 characters"));
    }
    CatalogCodec.Read read = CatalogCodec.read(command.entry(), "app");
    errors.addAll(read.errors());
    Optional<CatalogEntry> entry = read.entry();
    if (entry.isPresent()) {
      CatalogEntry e = entry.get();
      if (command.existing() != null && !command.existing().sameAs(e.name())) {
        errors.add(new FieldError("app.name", "the name of an app cannot be changed (it is '"
            + command.existing().value() + "')"));
      }
      if (command.existing() == null && repository.find(e.name()).isPresent()) {
        errors.add(new FieldError("app.name", "an app named '" + e.name().value() + "' already exists"));
      }
      // NB. the app being changed is not an "other" app, even when the entry misspells its name:
      // else its own aliases would be reported as taken.
      List<CatalogEntry> others = repository.all().stream().filter(a -> !a.archived())
          .filter(a -> command.existing() == null || !command.existing().sameAs(a.name()))
          .map(CatalogApp::entry).toList();
      errors.addAll(references.check(e, "app", others));
    }
    if (command.existing() != null && command.expectedVersion() == null) {
      errors.add(new FieldError("version", "is required: send the version you read, so that nobody's change is lost"));
    }
    if (command.existing() != null && command.expectedVersion() != null) {
      repository.find(command.existing())
          .filter(app -> app.revision().version() != command.expectedVersion())
          .ifPresent(app -> errors.add(new FieldError("version", "is stale: " + app.name().value()
              + " is now at version " + app.revision().version() + " (changed by " + app.revision().changedBy().value()
              + "); reload it and apply your change again")));
    }
    return new Analysis(errors, errors.isEmpty() ? entry : Optional.empty());
  }

  /** Saves the entry as a new version, or fails with every problem found. */
  @Transactional
  public CatalogApp execute(Command command) {
    Optional<CatalogApp> current = Optional.ofNullable(command.existing()).map(name ->
        repository.lock(name).orElseThrow(() -> new NotFoundException("there is no app named '" + name.value() + "'")));
    admins.require(command.actor());
    // NB. a stale version is a conflict (409), checked before the entry so that it is never hidden.
    current.ifPresent(app -> requireVersion(app, command.expectedVersion()));
    Analysis analysis = dryRun(command);
    if (!analysis.ok()) {
      throw new InvalidInputException(analysis.errors());
    }
    CatalogEntry entry = analysis.entry().orElseThrow();
    int version = 1;
    if (current.isPresent()) {
      CatalogApp app = current.get();
      if (app.archived()) {
        throw new ConflictException(app.name().value() + " is archived; it can no longer be changed");
      }
      entry = entry.withName(app.name());
      version = app.revision().version() + 1;
    }
    HeldAccess.Choice choice = deletedRoles.decide(current.orElse(null), entry, command.heldAccess(), command.actor());
    Revision revision = new Revision(version, command.changeDescription().strip(), clock.instant(), command.actor());
    CatalogApp saved = new CatalogApp(entry, revision, false);
    try {
      if (current.isPresent()) {
        repository.update(saved);
      } else {
        repository.insert(saved);
      }
    } catch (DuplicateKeyException e) {
      throw new ConflictException("'" + entry.name().value() + "' was saved by someone else at the same moment; reload it");
    }
    audit.catalogChanged(command.actor().value(), entry.name().value(),
        current.isPresent() ? "updated" : "created", version, revision.description());
    events.publishEvent(new AppChanged(current.orElse(null), saved, command.actor(), choice));
    return saved;
  }

  static void requireVersion(CatalogApp app, @Nullable Integer expected) {
    if (expected != null && expected != app.revision().version()) {
      Revision r = app.revision();
      throw new ConflictException(app.name().value() + " was changed by " + r.changedBy().value() + " at "
          + r.changedAt() + " (now version " + r.version() + ", you read version " + expected
          + "); reload it and apply your change again");
    }
  }
}
