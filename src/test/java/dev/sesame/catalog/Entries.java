package dev.sesame.catalog;

import dev.sesame.approval.PolicyName;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Catalog entries for tests: valid, minimal, one per strategy. */
public final class Entries {

  /** The provisioning system every sample app uses. */
  public static final ProvisioningSystemId CORP_LDAP = new ProvisioningSystemId("corp-ldap");
  /** The app admin of the sample apps that need one. */
  public static final PersonId SAMPLE_APP_ADMIN = new PersonId("dana.whitfield");

  private Entries() {}

  /** A GROUP app in corp-ldap approved by the requester's manager, open to everyone. */
  public static CatalogEntry group(String name, String... aliases) {
    return new CatalogEntry(new AppName(name), Arrays.asList(aliases), true, AccessRule.EVERYONE, List.of(),
        new PolicyName("MANAGER"), "", List.of(), new Strategy.GroupAccess(CORP_LDAP, groupDn(name)));
  }

  /** A SELF_SERVICE app that needs no approval. */
  public static CatalogEntry selfService(String name, String... aliases) {
    return new CatalogEntry(new AppName(name), Arrays.asList(aliases), true, AccessRule.EVERYONE, List.of(),
        new PolicyName("AUTO_APPROVE"), "", List.of(),
        new Strategy.SelfService("Sign in to " + name, "Open https://" + key(name) + ".example and sign in with SSO."));
  }

  /** A ROLE app in corp-ldap approved by {@link #SAMPLE_APP_ADMIN}. */
  public static CatalogEntry roleBased(String name, List<Role> roles, String... aliases) {
    return new CatalogEntry(new AppName(name), Arrays.asList(aliases), true, AccessRule.EVERYONE,
        List.of(SAMPLE_APP_ADMIN), new PolicyName("APP_ADMIN"), "", List.of(),
        new Strategy.RoleAccess(CORP_LDAP, "Which " + name + " access do you need?", roles));
  }

  /** A role backed by the group {@code cn=<name>}, shown under its own name. */
  public static Role role(String name, String hint) {
    return role(name, "", "", hint);
  }

  /** A role backed by the group {@code cn=<name>}. */
  public static Role role(String name, String displayName, String description, String hint) {
    return new Role(new RoleName(name), displayName, description, groupDn(name), hint);
  }

  /** The DN of a group in corp-ldap named after the app or role. */
  public static GroupExternalId groupDn(String name) {
    return new GroupExternalId("cn=" + key(name) + ",ou=groups,dc=brightwave,dc=example");
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
