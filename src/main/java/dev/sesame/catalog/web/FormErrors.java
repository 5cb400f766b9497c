package dev.sesame.catalog.web;

import dev.sesame.common.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The errors of a save, placed next to the editor's inputs: {@code app.links[0].url} belongs to
 * the URL input of the first filled link row, {@code app.strategy.roles[1].externalId} to the
 * external ID of the second filled role row, {@code app.aliases[2]} to the aliases input. Errors
 * that belong to no input are shown at the top of the form.
 */
record FormErrors(Map<String, List<String>> byField, List<String> general) {

  private static final Pattern ROW = Pattern.compile("(links|roles)\\[(\\d+)](?:\\.(\\w+))?");
  private static final Pattern LIST_ITEM = Pattern.compile("(aliases|appAdmins)\\[\\d+]");
  private static final Map<String, String> STRATEGY_FIELDS = Map.of(
      "type", "strategy", "title", "title", "body", "body", "system", "system", "externalId", "externalId",
      "roleQuestion", "roleQuestion", "roles", "roles");
  private static final List<String> FIELDS = List.of("name", "aliases", "enabledInBot", "accessRule", "appAdmins",
      "approvalFlow", "linksPretext", "links", "strategy", "changeDescription");

  static final FormErrors NONE = new FormErrors(Map.of(), List.of());

  /** Places each error; {@code form} says which form row each list index came from. */
  static FormErrors of(List<FieldError> errors, AppForm form) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    for (FieldError error : errors) {
      String field = field(error.field(), form);
      if (field == null) {
        general.add(label(error.field()) + error.reason());
      } else {
        byField.computeIfAbsent(field, k -> new ArrayList<>()).add(sentence(error.reason()));
      }
    }
    return new FormErrors(byField, general);
  }

  /** One message for the top of the form. */
  static FormErrors general(String message) {
    return new FormErrors(Map.of(), List.of(message));
  }

  /** A form with this one error next to this field. */
  static FormErrors at(String field, String message) {
    return new FormErrors(Map.of(field, List.of(message)), List.of());
  }

  /** The form input an error path belongs to; null when it belongs to none. */
  static @Nullable String field(String path, AppForm form) {
    String p = path.startsWith("app.") ? path.substring(4) : path;
    if (p.startsWith("strategy.")) {
      String rest = p.substring("strategy.".length());
      if (rest.startsWith("roles[")) {
        return row(rest, form.filledRoles(), "name");
      }
      return STRATEGY_FIELDS.get(rest);
    }
    if (p.startsWith("accessDuration")) {
      return p.endsWith(".max") ? "accessMax" : "accessMode";
    }
    if (p.startsWith("links[")) {
      return row(p, form.filledLinks(), "url");
    }
    if (LIST_ITEM.matcher(p).matches()) {
      return p.substring(0, p.indexOf('['));
    }
    return FIELDS.contains(p) ? p : null;
  }

  private static @Nullable String row(String path, List<Integer> rows, String defaultColumn) {
    Matcher m = ROW.matcher(path);
    if (!m.matches()) {
      return null;
    }
    int index = Integer.parseInt(m.group(2));
    int row = index < rows.size() ? rows.get(index) : index;
    return m.group(1) + "[" + row + "]." + (m.group(3) == null ? defaultColumn : m.group(3));
  }

  // The codec's reasons follow a field name ("is required: …"); next to the field they stand alone.
  static String sentence(String reason) {
    String text = reason.startsWith("is ") ? reason.substring(3) : reason;
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String label(String path) {
    return switch (path) {
      case "version" -> "Version: ";
      case "" -> "";
      default -> path.replaceFirst("^app\\.", "") + ": ";
    };
  }

  /** True when there is nothing to show. */
  public boolean isEmpty() {
    return byField.isEmpty() && general.isEmpty();
  }

  /** True when this input has errors. */
  public boolean has(String field) {
    return byField.containsKey(field);
  }

  /** The errors of this input, one sentence. */
  public String of(String field) {
    return String.join("; ", byField.getOrDefault(field, List.of()));
  }

  /** How many errors there are. */
  public int count() {
    return general.size() + byField.values().stream().mapToInt(List::size).sum();
  }
}
