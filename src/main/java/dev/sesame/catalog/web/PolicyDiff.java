package dev.sesame.catalog.web;

import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.ApproverSource;
import dev.sesame.approval.StageRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A policy in words an admin reads, line by line, and what changed between two versions of it. */
final class PolicyDiff {

  private PolicyDiff() {}

  /** The changes from {@code before} (null for the first version) to {@code after}; stages are compared by position. */
  static List<EntryDiff.Change> between(@Nullable ApprovalPolicy before, ApprovalPolicy after) {
    if (before == null) {
      return List.of();
    }
    Map<String, String> was = lines(before);
    Map<String, String> now = lines(after);
    Set<String> keys = new LinkedHashSet<>(was.keySet());
    keys.addAll(now.keySet());
    List<EntryDiff.Change> out = new ArrayList<>();
    for (String key : keys) {
      String a = was.getOrDefault(key, "");
      String b = now.getOrDefault(key, "");
      if (!a.equals(b)) {
        out.add(new EntryDiff.Change(key, a, b));
      }
    }
    return out;
  }

  /** Every setting of the policy as label → text, in the editor's order. */
  static Map<String, String> lines(ApprovalPolicy p) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Description", p.description());
    for (int i = 0; i < p.stages().size(); i++) {
      StageRule s = p.stages().get(i);
      String at = "Stage " + (i + 1) + " ";
      out.put(at + "name", s.name());
      out.put(at + "condition", s.when());
      out.put(at + "approvers", approvers(s.approvers()));
      out.put(at + "quorum", s.quorum().token());
    }
    out.put("Fallback", p.fallback() == null ? "the catalog admins" : p.fallback().isEmpty() ? "nobody (needs attention)"
        : approvers(p.fallback()));
    out.put("Remind every", time(p.remindEvery()));
    out.put("Escalate after", time(p.escalateAfter()));
    out.put("Expire after", time(p.expireAfter()));
    return out;
  }

  /** The stages in one line, e.g. "Manager → Security (when …) → Owners (2 of)". */
  static String stages(ApprovalPolicy p) {
    if (p.stages().isEmpty()) {
      return "Approved at once";
    }
    return String.join(" → ", p.stages().stream().map(s -> s.name()
        + (s.quorum().atLeast() == 1 ? "" : s.quorum().atLeast() == 0 ? " (all)" : " (" + s.quorum().atLeast() + " of them)")
        + (s.unconditional() ? "" : " if " + s.when())).toList());
  }

  private static String approvers(List<ApproverSource> sources) {
    return String.join(", ", sources.stream().map(ApproverSource::label).toList());
  }

  /** "2 days", "12 hours", "never". */
  static String time(@Nullable Duration d) {
    if (d == null) {
      return "never";
    }
    PolicyForm.Timing t = PolicyForm.Timing.of(d);
    return t.amount() + " " + (t.amount().equals("1") ? t.unit().substring(0, t.unit().length() - 1) : t.unit());
  }
}
