package dev.sesame.provisioning;

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
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a provisioning system, or saves a new version of one. The dry run reports every problem
 * (name, kind, the kind's settings, a stale version); {@code execute} saves only a system without
 * problems, and only over the version the admin read. Catalog admins only.
 */
@Component
public class SaveProvisioningSystem {

  private final SystemRepository repository;
  private final ProvisioningSystems systems;
  private final CatalogAdmins admins;
  private final AuditTrail audit;
  private final Clock clock;

  SaveProvisioningSystem(SystemRepository repository, ProvisioningSystems systems, CatalogAdmins admins,
      AuditTrail audit, Clock clock) {
    this.repository = repository;
    this.systems = systems;
    this.admins = admins;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Save this system.
   *
   * @param existing the system being changed; null to create one
   * @param expectedVersion the version the admin read; required when changing a system
   */
  public record Command(@Nullable ProvisioningSystemId existing, SystemInput input, @Nullable Integer expectedVersion,
      PersonId actor) {}

  /** What saving would do: the problems, each named after its setting ({@code url}) or field. */
  public record Analysis(List<FieldError> errors) {

    /** True when the system can be saved. */
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** Checks the command without saving anything. */
  public Analysis dryRun(Command command) {
    admins.require(command.actor());
    List<FieldError> errors = new ArrayList<>();
    SystemInput input = command.input();
    Optional<ProvisioningSystem> current = Optional.ofNullable(command.existing()).flatMap(repository::find);
    if (command.existing() == null) {
      Optional<ProvisioningSystemId> id = ProvisioningSystemId.parse(input.name());
      if (id.isEmpty()) {
        errors.add(new FieldError("name", "is not a system name: use lower-case letters, digits and '-', e.g. partner-ldap"));
      } else if (repository.find(id.get()).isPresent()) {
        errors.add(new FieldError("name", "is taken: a system named '" + id.get().value() + "' already exists"));
      }
    }
    Optional<ConnectorFactory> factory = systems.factory(input.kind());
    if (factory.isEmpty()) {
      errors.add(new FieldError("kind", "'" + input.kind() + "' is not a known kind; use one of "
          + systems.factories().stream().map(ConnectorFactory::kind).toList()));
    } else {
      Map<String, String> stored = current.map(s -> repository.secrets(s.id())).orElse(Map.of());
      errors.addAll(factory.get().validate(systems.effective(input.plainSettings(), input.secrets(stored),
          input.followsDirectory())));
    }
    if (command.existing() != null && command.expectedVersion() == null) {
      errors.add(new FieldError("version", "is required: send the version you read, so that nobody's change is lost"));
    }
    current.filter(s -> command.expectedVersion() != null && s.version() != command.expectedVersion())
        .ifPresent(s -> errors.add(new FieldError("version", "is stale: " + s.id().value() + " is now at version "
            + s.version() + " (changed by " + s.changedBy().value() + "); reload it and apply your change again")));
    return new Analysis(errors);
  }

  /** Saves the system as a new version, or fails with every problem found. */
  @Transactional
  public ProvisioningSystem execute(Command command) {
    Optional<ProvisioningSystem> current = Optional.ofNullable(command.existing()).map(id ->
        repository.lock(id).orElseThrow(() -> new NotFoundException("there is no provisioning system named '"
            + id.value() + "'")));
    admins.require(command.actor());
    // NB. a stale version is a conflict (409), checked before the settings so that it is never hidden.
    current.ifPresent(s -> {
      if (command.expectedVersion() != null && command.expectedVersion() != s.version()) {
        throw new ConflictException(s.id().value() + " was changed by " + s.changedBy().value() + " at "
            + s.changedAt() + " (now version " + s.version() + ", you read version " + command.expectedVersion()
            + "); reload it and apply your change again");
      }
    });
    Analysis analysis = dryRun(command);
    if (!analysis.ok()) {
      throw new InvalidInputException(analysis.errors());
    }
    SystemInput input = command.input();
    ProvisioningSystemId id = current.map(ProvisioningSystem::id)
        .orElseGet(() -> ProvisioningSystemId.parse(input.name()).orElseThrow());
    Map<String, String> secrets = input.secrets(current.map(s -> repository.secrets(s.id())).orElse(Map.of()));
    int version = current.map(s -> s.version() + 1).orElse(1);
    ProvisioningSystem saved = new ProvisioningSystem(id, input.kind(), input.plainSettings(), secrets.keySet(),
        input.followsDirectory(), version, clock.instant(), command.actor());
    if (current.isPresent()) {
      repository.update(saved, secrets);
    } else if (!repository.insertIfAbsent(saved, secrets)) {
      throw new ConflictException("'" + id.value() + "' was created by someone else at the same moment; reload it");
    }
    audit.systemChanged(command.actor().value(), id.value(), current.isPresent() ? "updated" : "created", version,
        input.kind(), saved.settings(), input.secretsEntered(), input.followsDirectory());
    return saved;
  }
}
