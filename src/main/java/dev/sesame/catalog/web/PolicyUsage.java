package dev.sesame.catalog.web;

import dev.sesame.approval.PolicyName;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Which apps and roles of the current catalog name each approval policy. */
@Component
class PolicyUsage {

  private final Catalog catalog;

  PolicyUsage(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * One app, or one role of an app, that names a policy.
   *
   * @param role the role's name; empty when the app itself names the policy
   */
  record Use(String app, String role) {
    /** "GitHub" or "GitHub › admin". */
    public String label() {
      return role.isEmpty() ? app : app + " › " + role;
    }
  }

  /** Every use, by policy key ({@link PolicyName#key()}), in catalog order. */
  Map<String, List<Use>> byPolicy() {
    Map<String, List<Use>> out = new LinkedHashMap<>();
    for (CatalogApp app : catalog.current()) {
      String name = app.name().value();
      out.computeIfAbsent(app.entry().approvalFlow().key(), k -> new ArrayList<>()).add(new Use(name, ""));
      for (Role role : app.entry().roles()) {
        role.policy().ifPresent(p -> out.computeIfAbsent(p.key(), k -> new ArrayList<>())
            .add(new Use(name, role.name().value())));
      }
    }
    return out;
  }

  /** The uses of one policy. */
  List<Use> of(PolicyName policy) {
    return byPolicy().getOrDefault(policy.key(), List.of());
  }
}
