package dev.sesame.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two versions of an entry, read from their JSON forms
 * ({@link dev.sesame.catalog.CatalogCodec#write}) field by field, in words an admin reads: links
 * are matched by label and roles by canonical name, so a changed URL is one change, not a removed
 * and an added link.
 */
final class EntryDiff {

  private static final Map<String, String> LABELS = labels(
      "name", "Name", "aliases", "Aliases", "enabledInBot", "Enabled in bot", "accessRule", "Access rule",
      "appAdmins", "App admins", "approvalFlow", "Approval flow", "linksPretext", "Links pretext",
      "type", "Strategy", "title", "Self-service title", "body", "Self-service instructions",
      "system", "Provisioning system", "externalId", "External ID", "roleQuestion", "Role question",
      "displayName", "user-facing name", "description", "description", "hint", "hint");

  private EntryDiff() {}

  /** One changed field: added when {@code before} is empty, removed when {@code after} is. */
  record Change(String field, String before, String after) {
    /** added, removed or changed, for the page's styling. */
    public String kind() {
      return before.isEmpty() ? "added" : after.isEmpty() ? "removed" : "changed";
    }
  }

  /** The changes from {@code before} (null for the first version) to {@code after}. */
  @SuppressWarnings("unchecked")
  static List<Change> between(@Nullable Map<String, Object> before, Map<String, Object> after) {
    if (before == null) {
      return List.of();
    }
    List<Change> changes = new ArrayList<>();
    for (String key : List.of("name", "aliases", "enabledInBot", "accessRule", "appAdmins", "approvalFlow",
        "linksPretext")) {
      compare(LABELS.get(key), before.get(key), after.get(key), changes);
    }
    rows("Link", (List<Map<String, Object>>) before.get("links"), (List<Map<String, Object>>) after.get("links"),
        "label", changes);
    Map<String, Object> s0 = (Map<String, Object>) before.get("strategy");
    Map<String, Object> s1 = (Map<String, Object>) after.get("strategy");
    Set<String> keys = new LinkedHashSet<>(s0.keySet());
    keys.addAll(s1.keySet());
    keys.remove("roles");
    keys.forEach(key -> compare(LABELS.getOrDefault(key, key), s0.get(key), s1.get(key), changes));
    rows("Role", (List<Map<String, Object>>) s0.getOrDefault("roles", List.of()),
        (List<Map<String, Object>>) s1.getOrDefault("roles", List.of()), "name", changes);
    return changes;
  }

  // Rows (links, roles) matched by their key column; then their order.
  private static void rows(String noun, List<Map<String, Object>> before, List<Map<String, Object>> after,
      String keyColumn, List<Change> changes) {
    Function<List<Map<String, Object>>, Map<String, Map<String, Object>>> byKey = rows -> {
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      rows.forEach(r -> out.putIfAbsent(text(r.get(keyColumn)), r));
      return out;
    };
    Map<String, Map<String, Object>> old = byKey.apply(before);
    Map<String, Map<String, Object>> now = byKey.apply(after);
    old.forEach((key, row) -> {
      if (!now.containsKey(key)) {
        changes.add(new Change(noun + " '" + key + "'", summary(row, keyColumn), ""));
      }
    });
    now.forEach((key, row) -> {
      Map<String, Object> was = old.get(key);
      if (was == null) {
        changes.add(new Change(noun + " '" + key + "'", "", summary(row, keyColumn)));
        return;
      }
      row.keySet().stream().filter(column -> !column.equals(keyColumn)).forEach(column ->
          compare(noun + " '" + key + "' " + LABELS.getOrDefault(column, column), was.get(column), row.get(column),
              changes));
    });
    List<String> common = new ArrayList<>(old.keySet());
    common.retainAll(now.keySet());
    List<String> commonNow = new ArrayList<>(now.keySet());
    commonNow.retainAll(old.keySet());
    if (!common.equals(commonNow)) {
      changes.add(new Change(noun + " order", String.join(", ", common), String.join(", ", commonNow)));
    }
  }

  private static void compare(String field, @Nullable Object before, @Nullable Object after, List<Change> changes) {
    String b = text(before);
    String a = text(after);
    if (!b.equals(a)) {
      changes.add(new Change(field, b, a));
    }
  }

  private static String summary(Map<String, Object> row, String keyColumn) {
    return row.entrySet().stream().filter(e -> !e.getKey().equals(keyColumn)).map(e -> text(e.getValue()))
        .filter(t -> !t.isEmpty()).reduce((x, y) -> x + " · " + y).orElse(text(row.get(keyColumn)));
  }

  private static String text(@Nullable Object value) {
    if (value instanceof List<?> list) {
      return String.join(", ", list.stream().map(EntryDiff::text).toList());
    }
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    return Objects.toString(value, "");
  }

  private static Map<String, String> labels(String... keysAndLabels) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndLabels.length; i += 2) {
      out.put(keysAndLabels[i], keysAndLabels[i + 1]);
    }
    return out;
  }
}
