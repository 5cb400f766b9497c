package dev.sesame.provisioning;

import dev.sesame.directory.PersonId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A stored provisioning system, without its secrets: only the names of the secrets that are set.
 *
 * @param settings the settings that are not secrets
 * @param secretsSet the names of the secret settings that have a value
 * @param followsDirectory true when url, bind-dn and bind-password are Sesame's own directory
 *     connection, read at run time (the default {@code corp-ldap})
 */
public record ProvisioningSystem(
    ProvisioningSystemId id,
    String kind,
    Map<String, String> settings,
    Set<String> secretsSet,
    boolean followsDirectory,
    int version,
    Instant changedAt,
    PersonId changedBy) {

  public ProvisioningSystem {
    settings = Map.copyOf(settings);
    secretsSet = Set.copyOf(secretsSet);
  }
}
