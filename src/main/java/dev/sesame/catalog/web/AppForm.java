package dev.sesame.catalog.web;

import dev.sesame.catalog.AccessDuration;
import dev.sesame.catalog.CatalogCodec;
import dev.sesame.catalog.CatalogEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything the catalog editor shows, as the admin typed it: plain texts, so that nothing they
 * typed is lost when the form comes back with errors. The fields of all three strategies travel
 * together, so switching strategy keeps what was typed for the others.
 *
 * @param version the version the admin read; empty for a new app
 * @param aliases comma-separated
 * @param appAdmins comma-separated logins
 * @param strategy SELF_SERVICE, GROUP or ROLE
 * @param accessMode whether access ends on a date: NONE, OPTIONAL or REQUIRED
 * @param accessMax the longest access, e.g. P90D; empty for the longest allowed
 * @param roleAccess the roles' own end-date rules, carried unchanged through the form
 *     ({@code name=MODE/MAX} separated by {@code ;}); they are edited in the catalog YAML or API
 */
record AppForm(
    String name, String aliases, boolean enabledInBot, String accessRule, String appAdmins, String approvalFlow,
    String linksPretext, List<LinkRow> links, String strategy, String title, String body, String system,
    String externalId, String roleQuestion, List<RoleRow> roles, String version, String changeDescription,
    String approverLogin, String testLogin, String accessMode, String accessMax, String roleAccess) {

  /** A form whose access does not end on a date. */
  AppForm(String name, String aliases, boolean enabledInBot, String accessRule, String appAdmins, String approvalFlow,
      String linksPretext, List<LinkRow> links, String strategy, String title, String body, String system,
      String externalId, String roleQuestion, List<RoleRow> roles, String version, String changeDescription,
      String approverLogin, String testLogin) {
    this(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow, linksPretext, links, strategy, title, body,
        system, externalId, roleQuestion, roles, version, changeDescription, approverLogin, testLogin, "NONE", "", "");
  }

  /** More rows than any valid entry has; rows beyond are dropped rather than bound. */
  static final int MAX_ROWS = 25;

  private static final Pattern ROW = Pattern.compile("(links|roles)\\[(\\d{1,3})]\\.(\\w+)");

  AppForm {
    links = List.copyOf(links);
    roles = List.copyOf(roles);
  }

  /** One link as typed. */
  record LinkRow(String label, String url) {
    static final LinkRow EMPTY = new LinkRow("", "");

    boolean blank() {
      return label.isBlank() && url.isBlank();
    }
  }

  /** One role as typed. */
  record RoleRow(String name, String displayName, String description, String externalId, String hint) {
    static final RoleRow EMPTY = new RoleRow("", "", "", "", "");

    boolean blank() {
      return (name + displayName + description + externalId + hint).isBlank();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // From a request, from an entry

  /**
   * The form as posted. NB. read by hand rather than bound: a missing, repeated or forged field
   * (an index of 10 000, a text where a number belongs) must come back as a field error on the
   * form, never as a binding failure or an error page.
   */
  static AppForm from(MultiValueMap<String, String> params) {
    Function<String, String> p = key -> {
      List<String> values = params.get(key);
      return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    };
    List<String[]> linkCells = new ArrayList<>();
    List<String[]> roleCells = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      Matcher m = ROW.matcher(e.getKey());
      if (!m.matches() || Integer.parseInt(m.group(2)) >= MAX_ROWS) {
        continue;
      }
      List<String[]> cells = m.group(1).equals("links") ? linkCells : roleCells;
      List<String> columns = m.group(1).equals("links") ? List.of("label", "url")
          : List.of("name", "displayName", "description", "externalId", "hint");
      int column = columns.indexOf(m.group(3));
      if (column < 0) {
        continue;
      }
      int row = Integer.parseInt(m.group(2));
      while (cells.size() <= row) {
        String[] empty = new String[columns.size()];
        Arrays.fill(empty, "");
        cells.add(empty);
      }
      cells.get(row)[column] = e.getValue().isEmpty() || e.getValue().get(0) == null ? "" : e.getValue().get(0);
    }
    AppForm typed = new AppForm(p.apply("name"), p.apply("aliases"), "true".equals(p.apply("enabledInBot")),
        p.apply("accessRule"), p.apply("appAdmins"), p.apply("approvalFlow"), p.apply("linksPretext"),
        linkCells.stream().map(c -> new LinkRow(c[0], c[1])).toList(), p.apply("strategy"), p.apply("title"),
        p.apply("body"), p.apply("system"), p.apply("externalId"), p.apply("roleQuestion"),
        roleCells.stream().map(c -> new RoleRow(c[0], c[1], c[2], c[3], c[4])).toList(), p.apply("version"),
        p.apply("changeDescription"), p.apply("approverLogin"), p.apply("testLogin"));

    return typed.withAccess(p.apply("accessMode"), p.apply("accessMax"), p.apply("roleAccess"));
  }

  /** An empty form for a new app: self-service, everyone, approved by the manager. */
  static AppForm blank(String defaultSystem) {
    return new AppForm("", "", true, "true", "", "MANAGER", "", List.of(), "SELF_SERVICE", "", "",
        defaultSystem, "", "", List.of(RoleRow.EMPTY, RoleRow.EMPTY), "", "", "", "");
  }

  /** The form of a saved entry, read at {@code version}. */
  @SuppressWarnings("unchecked")
  static AppForm from(CatalogEntry entry, int version, String defaultSystem) {
    Map<String, Object> json = CatalogCodec.write(entry);
    Map<String, Object> s = (Map<String, Object>) json.get("strategy");
    Function<String, String> text = key -> Objects.toString(s.get(key), "");
    List<RoleRow> roles = ((List<Map<String, Object>>) s.getOrDefault("roles", List.of())).stream()
        .map(r -> new RoleRow((String) r.get("name"), (String) r.get("displayName"), (String) r.get("description"),
            (String) r.get("externalId"), (String) r.get("hint")))
        .toList();
    List<LinkRow> links = ((List<Map<String, Object>>) json.get("links")).stream()
        .map(l -> new LinkRow((String) l.get("label"), (String) l.get("url"))).toList();
    AppForm form = new AppForm(entry.name().value(), String.join(", ", entry.aliases()), entry.enabledInBot(),
        entry.accessRule().expression(), String.join(", ", (List<String>) json.get("appAdmins")),
        entry.approvalFlow().value(), entry.linksPretext(), links, entry.strategy().type(), text.apply("title"),
        text.apply("body"), s.containsKey("system") ? text.apply("system") : defaultSystem, text.apply("externalId"),
        text.apply("roleQuestion"), roles.isEmpty() ? List.of(RoleRow.EMPTY, RoleRow.EMPTY) : roles,
        Integer.toString(version), "", "", "");

    return form.withAccess(entry.accessDuration().mode().name(),
        entry.accessDuration().max() == null ? "" : AccessDuration.text(entry.accessDuration().max()),
        roleAccess(entry));
  }

  /** The roles' own end-date rules as the form carries them. */
  private static String roleAccess(CatalogEntry entry) {
    List<String> parts = new ArrayList<>();
    for (dev.sesame.catalog.Role role : entry.roles()) {
      role.duration().ifPresent(d -> parts.add(role.name().value() + "=" + d.mode().name() + "/"
          + (d.max() == null ? "" : AccessDuration.text(d.max()))));
    }
    return String.join(";", parts);
  }

  // ---------------------------------------------------------------------------------------------
  // To the entry's JSON form

  /** The entry in the JSON form {@link CatalogCodec} reads; blank link and role rows are left out. */
  ObjectNode toJson() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode app = json.objectNode();
    app.put("name", name);
    ArrayNode aliasList = app.putArray("aliases");
    commaList(aliases).forEach(aliasList::add);
    app.put("enabledInBot", enabledInBot);
    app.put("accessRule", accessRule);
    ArrayNode admins = app.putArray("appAdmins");
    commaList(appAdmins).forEach(admins::add);
    app.put("approvalFlow", approvalFlow);
    app.put("linksPretext", linksPretext);
    ArrayNode linkList = app.putArray("links");
    filledLinks().forEach(i -> linkList.addObject().put("label", links.get(i).label()).put("url", links.get(i).url()));
    ObjectNode s = app.putObject("strategy");
    s.put("type", strategy);
    switch (strategy) {
      case "SELF_SERVICE" -> s.put("title", title).put("body", body);
      case "GROUP" -> s.put("system", system).put("externalId", externalId);
      case "ROLE" -> {
        s.put("system", system).put("roleQuestion", roleQuestion);
        ArrayNode roleList = s.putArray("roles");
        filledRoles().forEach(i -> {
          RoleRow r = roles.get(i);
          roleList.addObject().put("name", r.name()).put("displayName", r.displayName())
              .put("description", r.description()).put("externalId", r.externalId()).put("hint", r.hint());
        });
      }
      default -> { }
    }
    putAccess(app);
    return app;
  }

  /** Adds the end-date rules to the entry's JSON form (the app's when it has one, and the roles' by name). */
  private void putAccess(ObjectNode app) {
    if (!accessMode.isBlank() && !accessMode.strip().equalsIgnoreCase("NONE") || !accessMax.isBlank()) {
      ObjectNode duration = app.putObject("accessDuration").put("mode", accessMode.strip());
      if (!accessMax.isBlank()) {
        duration.put("max", accessMax.strip());
      }
    }
    if (roleAccess.isBlank() || !(app.get("strategy").get("roles") instanceof ArrayNode roleList)) {
      return;
    }
    for (String part : roleAccess.split(";")) {
      String[] nameAndRule = part.split("=", 2);
      if (nameAndRule.length < 2) {
        continue;
      }
      String[] modeAndMax = nameAndRule[1].split("/", 2);
      roleList.forEach(role -> {
        if (role instanceof ObjectNode r && nameAndRule[0].equalsIgnoreCase(String.valueOf(r.get("name").asString()).strip())) {
          ObjectNode duration = r.putObject("accessDuration").put("mode", modeAndMax[0]);
          if (modeAndMax.length > 1 && !modeAndMax[1].isBlank()) {
            duration.put("max", modeAndMax[1]);
          }
        }
      });
    }
  }

  /** A copy with other end-date rules. */
  AppForm withAccess(String mode, String max, String roles) {
    return new AppForm(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow, linksPretext, links,
        strategy, title, body, system, externalId, roleQuestion, this.roles, version, changeDescription, approverLogin,
        testLogin, mode.isBlank() ? "NONE" : mode, max, roles);
  }

  /** The version read, when it is a number. */
  @Nullable Integer versionNumber() {
    return number(version);
  }

  /** A whole number typed or posted; null when the text is not one. */
  static @Nullable Integer number(String text) {
    try {
      return text.isBlank() ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The form rows of the links sent to the codec, in order: {@code app.links[i]} is row {@code filledLinks().get(i)}. */
  List<Integer> filledLinks() {
    return filled(links.stream().map(LinkRow::blank).toList());
  }

  /** The form rows of the roles sent to the codec, in order. */
  List<Integer> filledRoles() {
    return filled(roles.stream().map(RoleRow::blank).toList());
  }

  static List<String> commaList(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  private static List<Integer> filled(List<Boolean> blank) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < blank.size(); i++) {
      if (!blank.get(i)) {
        rows.add(i);
      }
    }
    return rows;
  }

  // ---------------------------------------------------------------------------------------------
  // Copies

  AppForm withName(String newName) {
    return new AppForm(newName, aliases, enabledInBot, accessRule, appAdmins, approvalFlow, linksPretext, links,
        strategy, title, body, system, externalId, roleQuestion, roles, version, changeDescription, approverLogin,
        testLogin, accessMode, accessMax, roleAccess);
  }

  AppForm withVersion(String newVersion) {
    return new AppForm(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow, linksPretext, links,
        strategy, title, body, system, externalId, roleQuestion, roles, newVersion, changeDescription, approverLogin,
        testLogin, accessMode, accessMax, roleAccess);
  }

  AppForm withEnabledInBot(boolean enabled) {
    return new AppForm(name, aliases, enabled, accessRule, appAdmins, approvalFlow, linksPretext, links,
        strategy, title, body, system, externalId, roleQuestion, roles, version, changeDescription, approverLogin,
        testLogin, accessMode, accessMax, roleAccess);
  }

  AppForm withLinks(List<LinkRow> newLinks) {
    return new AppForm(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow, linksPretext, newLinks,
        strategy, title, body, system, externalId, roleQuestion, roles, version, changeDescription, approverLogin,
        testLogin, accessMode, accessMax, roleAccess);
  }

  AppForm withRoles(List<RoleRow> newRoles) {
    return new AppForm(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow, linksPretext, links,
        strategy, title, body, system, externalId, roleQuestion, newRoles, version, changeDescription, approverLogin,
        testLogin, accessMode, accessMax, roleAccess);
  }
}
