package dev.sesame.catalog.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The catalog list's search and filters, as typed in the query string.
 *
 * @param q part of a name or alias
 * @param strategy SELF_SERVICE, GROUP, ROLE or empty for all
 * @param system a provisioning system, or empty for all
 * @param enabled "yes", "no" or empty for all
 */
record ListFilter(String q, String strategy, String system, String enabled) {

  ListFilter {
    q = q.strip();
  }

  /** True when the app is shown under this filter. */
  boolean matches(AppSummary app) {
    String needle = q.toLowerCase(Locale.ROOT);
    boolean text = needle.isEmpty() || app.name().toLowerCase(Locale.ROOT).contains(needle)
        || app.aliases().stream().anyMatch(a -> a.contains(needle));
    return text && (strategy.isEmpty() || strategy.equals(app.strategy()))
        && (system.isEmpty() || system.equals(app.system()))
        && (enabled.isEmpty() || enabled.equals(app.enabledInBot() ? "yes" : "no"));
  }

  /** True when any filter is set. */
  public boolean active() {
    return !(q + strategy + system + enabled).isEmpty();
  }

  /** The filter as a query string ("?q=…"), empty when no filter is set; for returning to the same list. */
  public String query() {
    StringBuilder out = new StringBuilder();
    Map.of("q", q, "strategy", strategy, "system", system, "enabled", enabled).entrySet().stream()
        .filter(e -> !e.getValue().isEmpty()).sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append(out.length() == 0 ? "?" : "&").append(e.getKey()).append('=')
            .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)));
    return out.toString();
  }

  /** The apps shown under this filter, in their order. */
  List<AppSummary> apply(List<AppSummary> apps) {
    return apps.stream().filter(this::matches).toList();
  }
}
