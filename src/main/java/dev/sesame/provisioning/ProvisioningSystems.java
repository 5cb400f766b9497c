package dev.sesame.provisioning;

import dev.sesame.common.FieldError;
import dev.sesame.directory.DirectoryConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The configured provisioning systems, each with its connector. Built once at start-up; a setting
 * that is wrong stops the start with a message naming the key.
 */
@Component
public class ProvisioningSystems {

  /** The system that points at the company directory when no system is configured. */
  public static final ProvisioningSystemId DEFAULT = new ProvisioningSystemId("corp-ldap");

  private final Map<ProvisioningSystemId, Connector> connectors = new LinkedHashMap<>();

  public ProvisioningSystems(
      ProvisioningSettings settings, List<ConnectorFactory> factories, DirectoryConnection directory) {
    Map<String, ConnectorFactory> byKind =
        factories.stream().collect(Collectors.toMap(ConnectorFactory::kind, Function.identity()));
    Map<String, Map<String, String>> systems = settings.systems();
    if (systems.isEmpty()) {
      systems = Map.of(DEFAULT.value(), Map.of(
          "kind", "ldap",
          "url", directory.url(),
          "bind-dn", directory.bindDn(),
          "bind-password", directory.bindPassword()));
    }
    systems.forEach((name, values) -> {
      String key = "sesame.provisioning.systems." + name;
      ProvisioningSystemId id = ProvisioningSystemId.parse(name).orElseThrow(() ->
          new IllegalStateException(key + ": '" + name + "' is not a valid system name"));
      String kind = values.getOrDefault("kind", "");
      ConnectorFactory factory = byKind.get(kind);
      if (factory == null) {
        throw new IllegalStateException(
            key + ".kind: '" + kind + "' is not a known kind; use one of " + byKind.keySet());
      }
      List<FieldError> errors = factory.validate(values);
      if (!errors.isEmpty()) {
        throw new IllegalStateException(errors.stream()
            .map(e -> key + "." + e.field() + ": " + e.reason())
            .collect(Collectors.joining("; ")));
      }
      connectors.put(id, factory.create(id, values));
    });
  }

  /** The connector of this system, empty when no such system is configured. */
  public Optional<Connector> connector(ProvisioningSystemId id) {
    return Optional.ofNullable(connectors.get(id));
  }

  /** The names of all configured systems. */
  public Set<ProvisioningSystemId> ids() {
    return connectors.keySet();
  }
}
