package dev.sesame.catalog.web;

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
 */
record AppForm(
    String name, String aliases, boolean enabledInBot, String accessRule, String appAdmins, String approvalFlow,
    String linksPretext, List<LinkRow> links, String strategy, String title, String body, String system,
    String externalId, String roleQuestion, List<RoleRow> roles, String version, String changeDescription,
    String approverLogin, String testLogin) {

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

  /**
   * One role as typed.
   *
   * @param approvalFlow the role's own approval policy; empty follows the app's
   */
  record RoleRow(String name, String displayName, String description, String externalId, String hint,
      String approvalFlow) {
    static final RoleRow EMPTY = new RoleRow("", "", "", "", "", "");

    boolean blank() {
      return (name + displayName + description + externalId + hint + approvalFlow).isBlank();
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
          : List.of("name", "displayName", "description", "externalId", "hint", "approvalFlow");
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
    return new AppForm(p.apply("name"), p.apply("aliases"), "true".equals(p.apply("enabledInBot")),
        p.apply("accessRule"), p.apply("appAdmins"), p.apply("approvalFlow"), p.apply("linksPretext"),
        linkCells.stream().map(c -> new LinkRow(c[0], c[1])).toList(), p.apply("strategy"), p.apply("title"),
        p.apply("body"), p.apply("system"), p.apply("externalId"), p.apply("roleQuestion"),
        roleCells.stream().map(c -> new RoleRow(c[0], c[1], c[2], c[3], c[4], c[5])).toList(), p.apply("version"),
        p.apply("changeDescription"), p.apply("approverLogin"), p.apply("testLogin"));
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
            (String) r.get("externalId"), (String) r.get("hint"), Objects.toString(r.get("approvalFlow"), "")))
        .toList();
    List<LinkRow> links = ((List<Map<String, Object>>) json.get("links")).stream()
        .map(l -> new LinkRow((String) l.get("label"), (String) l.get("url"))).toList();
    return new AppForm(entry.name().value(), String.join(", ", entry.aliases()), entry.enabledInBot(),
        entry.accessRule().expression(), String.join(", ", (List<String>) json.get("appAdmins")),
        entry.approvalFlow().value(), entry.linksPretext(), links, entry.strategy().type(), text.apply("title"),
        text.apply("body"), s.containsKey("system") ? text.apply("system") : defaultSystem, text.apply("externalId"),
        text.apply("roleQuestion"), roles.isEmpty() ? List.of(RoleRow.EMPTY, RoleRow.EMPTY) : roles,
        Integer.toString(version), "", "", "");
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
          ObjectNode role = roleList.addObject().put("name", r.name()).put("displayName", r.displayName())
              .put("description", r.description()).put("externalId", r.externalId()).put("hint", r.hint());
          if (!r.approvalFlow().isBlank()) {
            role.put("approvalFlow", r.approvalFlow());
          }
        });
      }
      default -> { }
    }
    return app;
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
        testLogin);
  }

  AppForm withVersion(String newVersion) {
    return new AppForm(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow, linksPretext, links,
        strategy, title, body, system, externalId, roleQuestion, roles, newVersion, changeDescription, approverLogin,
        testLogin);
  }

  AppForm withEnabledInBot(boolean enabled) {
    return new AppForm(name, aliases, enabled, accessRule, appAdmins, approvalFlow, linksPretext, links,
        strategy, title, body, system, externalId, roleQuestion, roles, version, changeDescription, approverLogin,
        testLogin);
  }

  AppForm withLinks(List<LinkRow> newLinks) {
    return new AppForm(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow, linksPretext, newLinks,
        strategy, title, body, system, externalId, roleQuestion, roles, version, changeDescription, approverLogin,
        testLogin);
  }

  AppForm withRoles(List<RoleRow> newRoles) {
    return new AppForm(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow, linksPretext, links,
        strategy, title, body, system, externalId, roleQuestion, newRoles, version, changeDescription, approverLogin,
        testLogin);
  }
}
