package dev.sesame.catalog;

import dev.sesame.approval.ApprovalPolicies;
import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.PolicyName;
import dev.sesame.common.FieldError;
import dev.sesame.common.UnavailableException;
import dev.sesame.directory.Directory;
import dev.sesame.directory.DirectorySettings;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.GroupInfo;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.ProvisioningSystems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The checks of an entry that need the world around it: app admins are people in the directory,
 * the provisioning system is configured, its groups exist there, its approval policies exist (and
 * have app admins to ask when they need them), and no other app already uses the name or an alias.
 */
@Component
public class CatalogReferences {

  private final Directory directory;
  private final ProvisioningSystems systems;
  private final ApprovalPolicies policies;
  private final String catalogAdminsGroup;

  CatalogReferences(Directory directory, ProvisioningSystems systems, ApprovalPolicies policies,
      DirectorySettings settings) {
    this.directory = directory;
    this.systems = systems;
    this.policies = policies;
    this.catalogAdminsGroup = comparable("cn=" + settings.catalogAdminsGroup() + "," + settings.groupsBase());
  }

  /** Every problem of {@code entry}, its fields under {@code path}, given the other apps. */
  public List<FieldError> check(CatalogEntry entry, String path, Collection<CatalogEntry> others) {
    return check(entry, path, others, List.of());
  }

  /** As {@link #check(CatalogEntry, String, Collection)}, also knowing the policies about to be saved. */
  public List<FieldError> check(CatalogEntry entry, String path, Collection<CatalogEntry> others,
      Collection<ApprovalPolicy> pending) {
    List<FieldError> errors = new ArrayList<>();
    checkPolicy(entry.approvalFlow(), "approvalFlow", entry, pending, errors);
    for (int i = 0; i < entry.roles().size(); i++) {
      int index = i;
      entry.roles().get(i).policy().ifPresent(p ->
          checkPolicy(p, "strategy.roles[" + index + "].approvalFlow", entry, pending, errors));
    }
    for (int i = 0; i < entry.appAdmins().size(); i++) {
      PersonId admin = entry.appAdmins().get(i);
      if (directory.find(admin).filter(p -> p.active()).isEmpty()) {
        errors.add(new FieldError("appAdmins[" + i + "]", "there is no active person '" + admin.value() + "' in the directory"));
      }
    }
    for (CatalogEntry other : others) {
      if (other.name().sameAs(entry.name())) {
        continue;
      }
      if (other.aliases().contains(entry.name().key())) {
        errors.add(new FieldError("name", "'" + entry.name().value() + "' is an alias of " + other.name().value()));
      }
      for (int i = 0; i < entry.aliases().size(); i++) {
        String alias = entry.aliases().get(i);
        if (other.name().key().equals(alias) || other.aliases().contains(alias)) {
          errors.add(new FieldError("aliases[" + i + "]", "'" + alias + "' is already used by " + other.name().value()));
        }
      }
    }
    if (entry.strategy() instanceof Strategy.GroupAccess g) {
      checkGroup(g.provisioningSystem(), g.externalId(), "strategy.externalId", errors);
    } else if (entry.strategy() instanceof Strategy.RoleAccess r) {
      for (int i = 0; i < r.roles().size(); i++) {
        checkGroup(r.provisioningSystem(), r.roles().get(i).externalId(),
            "strategy.roles[" + i + "].externalId", errors);
      }
    }
    return errors.stream().map(e -> e.under(path)).toList();
  }

  private void checkPolicy(PolicyName name, String field, CatalogEntry entry, Collection<ApprovalPolicy> pending,
      List<FieldError> errors) {
    Optional<ApprovalPolicy> policy = pending.stream().filter(p -> p.name().sameAs(name)).findFirst()
        .or(() -> policies.find(name));
    if (policy.isEmpty()) {
      errors.add(new FieldError(field, "there is no approval policy '" + name.value() + "'"));
    } else if (policy.get().needsAppAdmins() && entry.appAdmins().isEmpty()) {
      errors.add(new FieldError("appAdmins", "the approval policy " + policy.get().name().value()
          + " asks the app admins, so the app needs at least one"));
    }
  }

  private void checkGroup(ProvisioningSystemId system, GroupExternalId group, String field, List<FieldError> errors) {
    // NB. an app on the catalog admins group would let an approval hand out the right to change
    // the catalog itself; that right is given in the directory by IT, never through a request.
    if (comparable(group.value()).equals(catalogAdminsGroup)) {
      errors.add(new FieldError(field, "is the catalog admins group; Sesame does not hand out its own admin rights"));
      return;
    }
    Optional<Connector> connector = systems.connector(system);
    if (connector.isEmpty()) {
      if (errors.stream().noneMatch(e -> e.field().equals("strategy.system"))) {
        errors.add(new FieldError("strategy.system", "there is no provisioning system '" + system.value()
            + "'; configured systems are " + systems.ids().stream().map(ProvisioningSystemId::value).toList()));
      }
      return;
    }
    try {
      Optional<GroupInfo> found = connector.get().findGroup(group);
      if (found.isEmpty()) {
        errors.add(new FieldError(field, "there is no group '" + group.value() + "' in " + system.value()));
      } else {
        found.get().problem().ifPresent(problem -> errors.add(new FieldError(field, problem)));
      }
    } catch (UnavailableException e) {
      errors.add(new FieldError(field, "could not be checked because " + system.value()
          + " cannot be reached: " + e.getMessage()));
    }
  }

  private static String comparable(String dn) {
    return dn.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s*([,=])\\s*", "$1").strip();
  }
}
