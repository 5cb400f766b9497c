package dev.sesame.catalog;

import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.util.List;
import java.util.Optional;

/** How access to an app is delivered. */
public sealed interface Strategy {

  /** The label used in YAML, JSON and the console. */
  String type();

  /** The provisioning system this strategy writes to, if any. */
  Optional<ProvisioningSystemId> system();

  /** The person sets themselves up by following instructions; Sesame grants nothing. */
  record SelfService(String title, String body) implements Strategy {
    public SelfService {
      title = title.strip();
      body = body.strip();
    }

    public String type() {
      return "SELF_SERVICE";
    }

    public Optional<ProvisioningSystemId> system() {
      return Optional.empty();
    }

    /** True when the instructions contain a web address people can follow. */
    public boolean hasUrl() {
      return body.contains("https://") || body.contains("http://");
    }
  }

  /** Access is membership of one group in one provisioning system. */
  record GroupAccess(ProvisioningSystemId provisioningSystem, GroupExternalId externalId) implements Strategy {
    public String type() {
      return "GROUP";
    }

    public Optional<ProvisioningSystemId> system() {
      return Optional.of(provisioningSystem);
    }
  }

  /** Access is one of several roles, each backed by a group in one provisioning system. */
  record RoleAccess(ProvisioningSystemId provisioningSystem, String roleQuestion, List<Role> roles)
      implements Strategy {
    public RoleAccess {
      roleQuestion = roleQuestion.strip();
      roles = List.copyOf(roles);
    }

    public String type() {
      return "ROLE";
    }

    public Optional<ProvisioningSystemId> system() {
      return Optional.of(provisioningSystem);
    }

    /** The role with this canonical name, if the app has it. */
    public Optional<Role> role(RoleName name) {
      return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }
  }
}
