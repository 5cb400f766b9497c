package dev.sesame.provisioning;

import dev.sesame.common.FieldError;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tries a system's settings as entered, before they are saved: makes a connector from them (with
 * the stored secret where a secret field was left empty), tests its connection and closes it.
 * Catalog admins only. Nothing is stored.
 */
@Component
public class TestConnection {

  private static final Logger log = LoggerFactory.getLogger(TestConnection.class);
  private static final ProvisioningSystemId UNNAMED = new ProvisioningSystemId("new-system");

  private final ProvisioningSystems systems;
  private final CatalogAdmins admins;

  TestConnection(ProvisioningSystems systems, CatalogAdmins admins) {
    this.systems = systems;
    this.admins = admins;
  }

  /** Test these settings; {@code existing} is the stored system whose secrets fill empty fields. */
  public record Command(@Nullable ProvisioningSystemId existing, SystemInput input, PersonId actor) {}

  /** The outcome: usable or not, a message saying what to fix, and any settings that are invalid. */
  public record Result(boolean ok, String message, List<FieldError> errors) {}

  /** Tests the connection; expected failures (refused bind, unreachable) come back as a result. */
  public Result execute(Command command) {
    admins.require(command.actor());
    SystemInput input = command.input();
    Optional<ConnectorFactory> factory = systems.factory(input.kind());
    if (factory.isEmpty()) {
      return new Result(false, "'" + input.kind() + "' is not a known kind", List.of(new FieldError("kind", "is not known")));
    }
    Map<String, String> stored = Optional.ofNullable(command.existing()).map(systems::storedSecrets).orElse(Map.of());
    Map<String, String> settings = systems.effective(input.plainSettings(), input.secrets(stored), input.followsDirectory());
    List<FieldError> errors = factory.get().validate(settings);
    if (!errors.isEmpty()) {
      return new Result(false, "Not tested: " + errors.stream().map(e -> e.field() + " " + e.reason())
          .collect(Collectors.joining("; ")), errors);
    }
    ProvisioningSystemId id = Optional.ofNullable(command.existing())
        .or(() -> ProvisioningSystemId.parse(input.name())).orElse(UNNAMED);
    Connector connector = factory.get().create(id, settings);
    try {
      ConnectionCheck check = connector.testConnection();
      return new Result(check.ok(), check.message(), List.of());
    } catch (RuntimeException e) {
      // NB. the connector's messages name the server and the setting, never a secret.
      log.info("Testing the connection of {} failed: {}", id, e.getMessage());
      return new Result(false, "The test failed: " + e.getMessage(), List.of());
    } finally {
      if (connector instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          log.debug("Could not close the test connector of {}: {}", id, e.getMessage());
        }
      }
    }
  }
}
