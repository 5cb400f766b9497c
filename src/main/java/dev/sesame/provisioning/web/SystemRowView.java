package dev.sesame.provisioning.web;

import dev.sesame.provisioning.ProvisioningSystem;
import dev.sesame.provisioning.ProvisioningSystems;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A provisioning system as the list and the API show it: never a secret, only the names of the
 * secrets that are set.
 *
 * @param url where the system is (e.g. its LDAP url)
 * @param followsDirectory true when url and credentials are Sesame's own directory connection
 */
record SystemRowView(String name, String kind, String url, boolean followsDirectory, Map<String, String> settings,
    List<String> secretsSet, int version, Instant changedAt, String changedBy) {

  static SystemRowView from(ProvisioningSystem system, ProvisioningSystems systems) {
    return new SystemRowView(system.id().value(), system.kind(), systems.location(system), system.followsDirectory(),
        system.settings(), system.secretsSet().stream().sorted().toList(), system.version(), system.changedAt(),
        system.changedBy().value());
  }
}
