package dev.sesame.catalog;

import dev.sesame.approval.BuiltInPolicies;
import dev.sesame.approval.PolicyName;
import dev.sesame.common.FieldError;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON/YAML form of a catalog entry into a {@link CatalogEntry} and back. Reading
 * collects every error with its field path and refuses unknown keys; the same form is used by the
 * REST API and by the YAML import and export. Checks that need other systems (people, provisioning
 * systems, other apps) are in {@link CatalogReferences}.
 */
public final class CatalogCodec {

  static final Set<String> ENTRY_KEYS = keys("name", "aliases", "enabledInBot", "accessRule",
      "appAdmins", "approvalFlow", "linksPretext", "links", "strategy", "accessDuration");
  private static final Set<String> DURATION_KEYS = keys("mode", "max");
  private static final Set<String> LINK_KEYS = keys("label", "url");
  private static final Set<String> SELF_SERVICE_KEYS = keys("type", "title", "body");
  private static final Set<String> GROUP_KEYS = keys("type", "system", "externalId");
  private static final Set<String> ROLE_STRATEGY_KEYS = keys("type", "system", "roleQuestion", "roles");
  private static final Set<String> ROLE_KEYS = keys("name", "displayName", "description", "externalId", "hint",
      "approvalFlow", "accessDuration");
  private static final Set<String> STRATEGY_TYPES = keys("SELF_SERVICE", "GROUP", "ROLE");

  private CatalogCodec() {}

  /** The result of reading one entry: the entry, or every error found. */
  public record Read(Optional<CatalogEntry> entry, List<FieldError> errors) {}

  /** Reads one entry found at {@code path} (e.g. {@code apps[3]}; empty for a single entry). */
  public static Read read(JsonNode node, String path) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Fields> fields = Fields.nested(node, path, errors, ENTRY_KEYS);
    if (fields.isEmpty()) {
      return new Read(Optional.empty(), errors);
    }
    Fields f = fields.get();
    Optional<AppName> name = f.value("name", 10_000, AppName::new);
    List<String> aliases = new ArrayList<>();
    List<JsonNode> aliasNodes = f.list("aliases", 20);
    for (int i = 0; i < aliasNodes.size(); i++) {
      JsonNode alias = aliasNodes.get(i);
      if (!alias.isString() || alias.asString().isBlank() || alias.asString().length() > 64) {
        errors.add(new FieldError(f.at("aliases") + "[" + i + "]", "must be a text of 1 to 64 characters"));
      } else {
        aliases.add(alias.asString());
      }
    }
    boolean enabled = f.bool("enabledInBot", true);
    AccessRule rule = f.optionalText("accessRule", 4000).map(AccessRule::new).orElse(AccessRule.EVERYONE);
    AccessRules.problem(rule).ifPresent(problem -> f.error("accessRule", problem));
    List<PersonId> admins = new ArrayList<>();
    List<JsonNode> adminNodes = f.list("appAdmins", 50);
    for (int i = 0; i < adminNodes.size(); i++) {
      String at = f.at("appAdmins") + "[" + i + "]";
      Optional<PersonId> admin = adminNodes.get(i).isString()
          ? PersonId.parse(adminNodes.get(i).asString()) : Optional.empty();
      admin.ifPresentOrElse(admins::add, () -> errors.add(new FieldError(at, "must be a login")));
    }
    Optional<PolicyName> flow = f.optionalText("approvalFlow", 100)
        .map(text -> f.parse("approvalFlow", text, CatalogCodec::policy))
        .orElse(Optional.of(BuiltInPolicies.DEFAULT));
    flow.flatMap(BuiltInPolicies::find).filter(p -> p.needsAppAdmins()).filter(x -> admins.isEmpty()).ifPresent(x ->
        f.error("appAdmins", "the approval flow " + x.name() + " needs at least one app admin"));
    String pretext = f.optionalText("linksPretext", 1000).orElse("");
    List<Link> links = readLinks(f, errors);
    Optional<Strategy> strategy = f.node("strategy")
        .flatMap(s -> readStrategy(s, f.at("strategy"), errors));
    if (f.node("strategy").isEmpty()) {
      f.error("strategy", "is required: SELF_SERVICE, GROUP or ROLE");
    }
    AccessDuration duration = readDuration(f, errors).orElse(AccessDuration.NONE);
    if (!links.isEmpty() && pretext.isEmpty()) {
      f.error("linksPretext", "is required when the app has links");
    }
    if (!errors.isEmpty()) {
      return new Read(Optional.empty(), errors);
    }
    return new Read(Optional.of(new CatalogEntry(name.orElseThrow(), aliases, enabled, rule, admins,
        flow.orElseThrow(), pretext, links, strategy.orElseThrow(), duration)), errors);
  }

  /** {@code accessDuration: {mode: OPTIONAL|REQUIRED|NONE, max: P90D}}; empty when absent or wrong. */
  private static Optional<AccessDuration> readDuration(Fields owner, List<FieldError> errors) {
    Optional<JsonNode> node = owner.node("accessDuration");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Optional<Fields> fields = Fields.nested(node.get(), owner.at("accessDuration"), errors, DURATION_KEYS);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    Fields d = fields.get();
    int before = errors.size();
    Optional<AccessDuration.Mode> mode = d.value("mode", 20, AccessDuration::mode);
    Optional<java.time.Duration> max = d.optionalText("max", 40).flatMap(text -> d.parse("max", text,
        AccessDuration::length));
    if (mode.isEmpty() || errors.size() > before) {
      return Optional.empty();
    }
    return d.parse("max", "", x -> new AccessDuration(mode.get(), max.orElse(null)));
  }

  private static Map<String, Object> writeDuration(AccessDuration duration) {
    Map<String, Object> out = ordered("mode", duration.mode().name());
    if (duration.max() != null) {
      out.put("max", AccessDuration.text(duration.max()));
    }
    return out;
  }

  private static List<Link> readLinks(Fields f, List<FieldError> errors) {
    List<Link> links = new ArrayList<>();
    List<JsonNode> nodes = f.list("links", 20);
    for (int i = 0; i < nodes.size(); i++) {
      Fields.nested(nodes.get(i), f.at("links") + "[" + i + "]", errors, LINK_KEYS).ifPresent(l -> {
        Optional<String> label = l.text("label", 200);
        Optional<String> url = l.text("url", 2000);
        if (label.isPresent() && url.isPresent()) {
          l.parse("url", url.get(), u -> Link.of(label.get(), u)).ifPresent(links::add);
        }
      });
    }
    return links;
  }

  private static Optional<Strategy> readStrategy(JsonNode node, String path, List<FieldError> errors) {
    if (!node.isObject()) {
      errors.add(new FieldError(path, "must be an object"));
      return Optional.empty();
    }
    JsonNode typeNode = node.get("type");
    String type = typeNode == null || !typeNode.isString()
        ? "" : typeNode.asString().strip().toUpperCase(Locale.ROOT);
    Set<String> keys = switch (type) {
      case "SELF_SERVICE" -> SELF_SERVICE_KEYS;
      case "GROUP" -> GROUP_KEYS;
      case "ROLE" -> ROLE_STRATEGY_KEYS;
      default -> Set.of();
    };
    if (keys.isEmpty()) {
      errors.add(new FieldError(path + ".type", typeNode == null || typeNode.isNull()
          ? "is required; use one of SELF_SERVICE, GROUP, ROLE"
          : "'" + typeNode.asString() + "' is not a strategy; use one of SELF_SERVICE, GROUP, ROLE"));
      return Optional.empty();
    }
    Fields f = new Fields(node, path, errors, keys);
    if (type.equals("SELF_SERVICE")) {
      Optional<String> title = f.text("title", 200);
      Optional<String> body = f.text("body", 20_000);
      return title.isPresent() && body.isPresent()
          ? Optional.of(new Strategy.SelfService(title.get(), body.get())) : Optional.empty();
    }
    Optional<ProvisioningSystemId> system = f.value("system", 100, ProvisioningSystemId::new);
    if (type.equals("GROUP")) {
      Optional<GroupExternalId> group = f.value("externalId", 1024, GroupExternalId::new);
      return system.isPresent() && group.isPresent()
          ? Optional.of(new Strategy.GroupAccess(system.get(), group.get())) : Optional.empty();
    }
    String question = f.optionalText("roleQuestion", 500).orElse("");
    List<Role> roles = readRoles(f, path, errors);
    return system.isPresent() && !roles.isEmpty()
        ? Optional.of(new Strategy.RoleAccess(system.get(), question, roles)) : Optional.empty();
  }

  private static List<Role> readRoles(Fields s, String path, List<FieldError> errors) {
    if (s.node("roles").isEmpty()) {
      s.error("roles", "is required: a role-based app needs at least two roles");
      return List.of();
    }
    List<JsonNode> nodes = s.list("roles", 20);
    if (nodes.size() < 2) {
      if (s.node("roles").get().isArray()) {
        s.error("roles", "a role-based app needs at least two roles; use GROUP for one");
      }
      return List.of();
    }
    List<Role> roles = new ArrayList<>();
    Set<RoleName> seen = new HashSet<>();
    int before = errors.size();
    for (int i = 0; i < nodes.size(); i++) {
      String at = path + ".roles[" + i + "]";
      Fields.nested(nodes.get(i), at, errors, ROLE_KEYS).ifPresent(r -> {
        Optional<RoleName> name = r.value("name", 200, RoleName::new);
        String displayName = r.optionalText("displayName", 100).orElse("");
        String description = r.optionalText("description", 2000).orElse("");
        Optional<GroupExternalId> group = r.value("externalId", 1024, GroupExternalId::new);
        String hint = r.optionalText("hint", 500).orElse("");
        Optional<PolicyName> policy = r.optionalText("approvalFlow", 100)
            .flatMap(text -> r.parse("approvalFlow", text, CatalogCodec::policy));
        Optional<AccessDuration> duration = readDuration(r, errors);
        name.filter(n -> !seen.add(n)).ifPresent(n ->
            r.error("name", "'" + n.value() + "' is used by another role of this app"));
        if (name.isPresent() && group.isPresent()) {
          roles.add(new Role(name.get(), displayName, description, group.get(), hint, policy.orElse(null),
              duration.orElse(null)));
        }
      });
    }
    return errors.size() == before ? roles : List.of();
  }

  /** A policy name; a ready-made one is written the way the guide writes it (MANAGER, not manager). */
  static PolicyName policy(String text) {
    PolicyName name = PolicyName.parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text.strip()
        + "' is not an approval flow; use a ready-made one (" + String.join(", ",
            BuiltInPolicies.ALL.stream().map(p -> p.name().value()).toList()) + ") or the name of a policy"));
    return BuiltInPolicies.find(name).map(p -> p.name()).orElse(name);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /** The JSON/YAML form of an entry, keys in the order an admin reads them. */
  public static Map<String, Object> write(CatalogEntry entry) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", entry.name().value());
    out.put("aliases", entry.aliases());
    out.put("enabledInBot", entry.enabledInBot());
    out.put("accessRule", entry.accessRule().expression());
    out.put("appAdmins", entry.appAdmins().stream().map(PersonId::value).toList());
    out.put("approvalFlow", entry.approvalFlow().value());
    out.put("linksPretext", entry.linksPretext());
    out.put("links", entry.links().stream()
        .map(l -> ordered("label", l.label(), "url", l.url().toString())).toList());
    out.put("strategy", writeStrategy(entry.strategy()));
    if (entry.accessDuration().allowsEnd()) {
      out.put("accessDuration", writeDuration(entry.accessDuration()));
    }
    return out;
  }

  private static Map<String, Object> writeStrategy(Strategy strategy) {
    if (strategy instanceof Strategy.SelfService s) {
      return ordered("type", s.type(), "title", s.title(), "body", s.body());
    } else if (strategy instanceof Strategy.GroupAccess g) {
      return ordered("type", g.type(), "system", g.provisioningSystem().value(),
          "externalId", g.externalId().value());
    } else if (strategy instanceof Strategy.RoleAccess r) {
      Map<String, Object> out = ordered("type", r.type(), "system", r.provisioningSystem().value(),
          "roleQuestion", r.roleQuestion());
      out.put("roles", r.roles().stream().map(role -> {
        Map<String, Object> written = ordered(
            "name", role.name().value(), "displayName", role.displayName(),
            "description", role.description(), "externalId", role.externalId().value(),
            "hint", role.hint());
        role.policy().ifPresent(p -> written.put("approvalFlow", p.value()));
        role.duration().ifPresent(d -> written.put("accessDuration", writeDuration(d)));
        return written;
      }).toList());
      return out;
    }
    throw new IllegalStateException("unknown strategy " + strategy);
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  private static Set<String> keys(String... keys) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(keys)));
  }
}
