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
 * Places the errors of a policy save next to the policy editor's inputs. Errors of the policy
 * ({@code policy.stages[1].when}, {@code policy.stages[0].approvers[2]}, {@code policy.fallback[0]})
 * come from the codec and the save use case and count only filled stage rows; the form's own
 * errors ({@code changeDescription}, {@code stages[3].quorumCount}) already name their input.
 */
final class PolicyFormErrors {

  private static final Pattern STAGE = Pattern.compile("stages\\[(\\d+)](?:\\.(\\w+)(?:\\[(\\d+)])?)?");
  private static final Pattern FALLBACK = Pattern.compile("fallback\\[(\\d+)]");
  private static final List<String> TOP = List.of("name", "description", "stages", "fallback", "remindEvery",
      "escalateAfter", "expireAfter", "changeDescription");

  private PolicyFormErrors() {}

  /** The errors placed on {@code form}'s inputs. */
  static FormErrors of(List<FieldError> errors, PolicyForm form) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    for (FieldError error : errors) {
      String field = error.field().startsWith("policy.") ? field(error.field().substring(7), form)
          : error.field().startsWith("stages[") || TOP.contains(error.field()) ? error.field() : null;
      if (field == null) {
        general.add((error.field().isEmpty() ? "" : error.field().replaceFirst("^policy\\.", "") + ": ")
            + error.reason());
      } else {
        byField.computeIfAbsent(field, k -> new ArrayList<>()).add(sentence(error.reason()));
      }
    }
    return new FormErrors(byField, general);
  }

  /** As {@link FormErrors#sentence}, but a reason that starts with a login or a name keeps its spelling. */
  static String sentence(String reason) {
    String first = reason.split(" ", 2)[0];
    return first.matches("[a-z]+") ? FormErrors.sentence(reason) : reason;
  }

  /** The input an error of the policy belongs to; null when it belongs to none. */
  static @Nullable String field(String path, PolicyForm form) {
    Matcher stage = STAGE.matcher(path);
    if (stage.matches()) {
      List<Integer> rows = form.filledStages();
      int index = Integer.parseInt(stage.group(1));
      if (index >= rows.size()) {
        return "stages";
      }
      int row = rows.get(index);
      String column = stage.group(2) == null ? "name" : stage.group(2);
      String at = "stages[" + row + "].";
      return switch (column) {
        case "approvers" -> {
          List<String[]> sources = PolicyForm.sources(form.stages().get(row));
          int j = stage.group(3) == null ? -1 : Integer.parseInt(stage.group(3));
          yield at + (j >= 0 && j < sources.size() ? sources.get(j)[0] : "approvers");
        }
        case "quorum" -> at + (form.stages().get(row).quorum().equals("n") ? "quorumCount" : "quorum");
        case "name", "when" -> at + column;
        default -> null;
      };
    }
    Matcher fallback = FALLBACK.matcher(path);
    if (fallback.matches()) {
      List<String[]> sources = form.fallbackSources();
      int j = Integer.parseInt(fallback.group(1));
      return j < sources.size() ? sources.get(j)[0] : "fallback";
    }
    return TOP.contains(path) ? path : null;
  }
}
