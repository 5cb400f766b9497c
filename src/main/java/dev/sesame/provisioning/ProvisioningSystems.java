package dev.sesame.provisioning;

import dev.sesame.common.FieldError;
import dev.sesame.directory.DirectoryConnection;
import dev.sesame.directory.PersonId;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The provisioning systems, stored in the database, each with its connector. A connector is made
 * on first use and made again when its system changes (a new version); the old one is closed.
 *
 * <p>On the first start (no system stored yet) the systems from configuration ({@code
 * sesame.provisioning.systems.*}) are stored; a wrong setting stops the start with a message
 * naming the key. Without any configured system, {@code corp-ldap} is stored as following the
 * directory: its url, bind-dn and bind-password are read from Sesame's own {@link
 * DirectoryConnection} whenever its connector is made, never stored. NB. the embedded directory's
 * password is random on every start, so a stored copy would be wrong after a restart; and with an
 * external directory its password stays where it is configured, in one place.
 */
@Component
@EnableConfigurationProperties(ProvisioningSettings.class)
public class ProvisioningSystems implements DisposableBean {

  /** The system that points at the company directory when no system is configured. */
  public static final ProvisioningSystemId DEFAULT = new ProvisioningSystemId("corp-ldap");

  /** The settings a system that follows the directory takes from the directory connection. */
  static final List<String> DIRECTORY_SETTINGS = List.of("url", "bind-dn", "bind-password");

  /** The settings that say where a system is, by kind: LDAP, Okta, Entra ID, SCIM and Keycloak, Google. */
  private static final List<String> LOCATION_SETTINGS = List.of("url", "org-url", "graph-url", "base-url", "api-url");

  private static final Logger log = LoggerFactory.getLogger(ProvisioningSystems.class);
  private static final PersonId SESAME = new PersonId("sesame");

  private final SystemRepository repository;
  private final Map<String, ConnectorFactory> factories;
  private final DirectoryConnection directory;
  private final Map<ProvisioningSystemId, Cached> connectors = new HashMap<>();

  ProvisioningSystems(SystemRepository repository, List<ConnectorFactory> factories, DirectoryConnection directory,
      ProvisioningSettings settings, Clock clock) {
    this.repository = repository;
    this.factories = factories.stream().collect(Collectors.toMap(ConnectorFactory::kind, Function.identity(),
        (a, b) -> a, LinkedHashMap::new));
    this.directory = directory;
    if (repository.isEmpty()) {
      storeConfigured(settings, clock);
    } else if (!settings.systems().isEmpty()) {
      log.info("Provisioning systems are managed in the console; sesame.provisioning.systems.* only seeds an empty "
          + "database and is ignored now");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Public API
  // ---------------------------------------------------------------------------------------------

  /** The connector of this system, empty when no such system exists. */
  public synchronized Optional<Connector> connector(ProvisioningSystemId id) {
    Optional<Integer> version = repository.version(id);
    Cached cached = connectors.get(id);
    if (cached != null && version.isPresent() && cached.version() == version.get()) {
      return Optional.of(cached.connector());
    }
    if (cached != null) {
      connectors.remove(id);
      close(cached.connector());
    }
    Optional<ProvisioningSystem> system = repository.find(id);
    if (system.isEmpty()) {
      return Optional.empty();
    }
    Connector connector = create(system.get());
    connectors.put(id, new Cached(system.get().version(), connector));
    return Optional.of(connector);
  }

  /** The names of all systems. */
  public Set<ProvisioningSystemId> ids() {
    return repository.all().stream().map(ProvisioningSystem::id).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Every system, by name, without secrets. */
  public List<ProvisioningSystem> all() {
    return repository.all();
  }

  /** The system with this name, without secrets; empty when there is none. */
  public Optional<ProvisioningSystem> find(ProvisioningSystemId id) {
    return repository.find(id);
  }

  /** The factory of each kind, in a stable order. */
  public List<ConnectorFactory> factories() {
    return List.copyOf(factories.values());
  }

  /** The factory of this kind, empty when no such kind is known. */
  public Optional<ConnectorFactory> factory(String kind) {
    return Optional.ofNullable(factories.get(kind));
  }

  /** The URL-like setting to show for a system (LDAP url, Okta org-url, Graph URL); empty when it has none. */
  public String location(ProvisioningSystem system) {
    if (system.followsDirectory()) {
      return directory.url();
    }
    return LOCATION_SETTINGS.stream().map(key -> system.settings().getOrDefault(key, ""))
        .filter(value -> !value.isBlank()).findFirst().orElse("");
  }

  @Override
  public synchronized void destroy() {
    connectors.values().forEach(cached -> close(cached.connector()));
    connectors.clear();
  }

  // ---------------------------------------------------------------------------------------------
  // For the use cases of this package
  // ---------------------------------------------------------------------------------------------

  /** The stored secrets of this system, in clear. */
  Map<String, String> storedSecrets(ProvisioningSystemId id) {
    return repository.secrets(id);
  }

  /** The settings a connector gets: plain settings, secrets, and the directory's when it follows it. */
  Map<String, String> effective(Map<String, String> settings, Map<String, String> secrets, boolean followsDirectory) {
    Map<String, String> all = new HashMap<>(settings);
    all.putAll(secrets);
    if (followsDirectory) {
      all.put("url", directory.url());
      all.put("bind-dn", directory.bindDn());
      all.put("bind-password", directory.bindPassword());
    }
    return all;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private Connector create(ProvisioningSystem system) {
    ConnectorFactory factory = factory(system.kind()).orElseThrow(() -> new IllegalStateException(
        system.id().value() + ": kind '" + system.kind() + "' is not known; use one of " + factories.keySet()));
    Map<String, String> settings = effective(system.settings(), repository.secrets(system.id()), system.followsDirectory());
    return factory.create(system.id(), settings);
  }

  private void storeConfigured(ProvisioningSettings settings, Clock clock) {
    Map<String, Map<String, String>> systems = settings.systems();
    if (systems.isEmpty()) {
      repository.insertIfAbsent(new ProvisioningSystem(DEFAULT, "ldap", Map.of(), Set.of(), true, 1, clock.instant(),
          SESAME), Map.of());
      log.info("Stored provisioning system {} following the directory at {}", DEFAULT.value(), directory.url());
      return;
    }
    systems.forEach((name, values) -> {
      String key = "sesame.provisioning.systems." + name;
      ProvisioningSystemId id = ProvisioningSystemId.parse(name).orElseThrow(() ->
          new IllegalStateException(key + ": '" + name + "' is not a valid system name"));
      String kind = values.getOrDefault("kind", "");
      ConnectorFactory factory = factory(kind).orElseThrow(() -> new IllegalStateException(
          key + ".kind: '" + kind + "' is not a known kind; use one of " + factories.keySet()));
      Map<String, String> own = new HashMap<>(values);
      own.remove("kind");
      List<FieldError> errors = factory.validate(own);
      if (!errors.isEmpty()) {
        throw new IllegalStateException(errors.stream()
            .map(e -> key + "." + e.field() + ": " + e.reason())
            .collect(Collectors.joining("; ")));
      }
      repository.insertIfAbsent(new ProvisioningSystem(id, kind, SecretSettings.plain(own),
          SecretSettings.secrets(own).keySet(), false, 1, clock.instant(), SESAME), SecretSettings.secrets(own));
      log.info("Stored provisioning system {} ({}) from {}", id.value(), kind, key);
    });
  }

  private static void close(Connector connector) {
    if (connector instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        log.warn("Could not close the connector {}: {}", connector, e.getMessage());
      }
    }
  }

  private record Cached(int version, Connector connector) {}
}
