package dev.sesame.catalog.web;

import dev.sesame.approval.ApprovalPolicies;
import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.StoredPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The list of approval policies, with the apps and roles that use each, and a written policy's versions. */
@Controller
class PolicyListController {

  private final ApprovalPolicies policies;
  private final PolicyUsage usage;
  private final PolicyEditor editor;

  PolicyListController(ApprovalPolicies policies, PolicyUsage usage, PolicyEditor editor) {
    this.policies = policies;
    this.usage = usage;
    this.editor = editor;
  }

  /**
   * One row of the list.
   *
   * @param version 0 for a ready-made policy
   */
  record Row(String name, String description, String stages, boolean builtIn, int version, @Nullable Instant changedAt,
      String changedBy, List<PolicyUsage.Use> usedBy) {

    /** The name in pieces that end at each underscore, so a long ready-made name can wrap there. */
    public List<String> nameParts() {
      return List.of(name.split("(?<=_)"));
    }
  }

  /** One version on the history page, with what changed from the one before. */
  record Version(int version, String changedBy, Instant changedAt, String description, boolean current,
      List<EntryDiff.Change> changes, String stages) {}

  @GetMapping("/admin/policies")
  String list(Model model) {
    Map<String, List<PolicyUsage.Use>> uses = usage.byPolicy();
    List<Row> rows = new ArrayList<>();
    for (ApprovalPolicy p : policies.all()) {
      if (p.builtIn()) {
        rows.add(new Row(p.name().value(), p.description(), PolicyDiff.stages(p), true, 0, null, "",
            uses.getOrDefault(p.name().key(), List.of())));
      }
    }
    for (StoredPolicy s : policies.written()) {
      ApprovalPolicy p = s.policy();
      rows.add(new Row(p.name().value(), p.description(), PolicyDiff.stages(p), false, s.version(), s.changedAt(),
          s.changedBy().value(), uses.getOrDefault(p.name().key(), List.of())));
    }
    model.addAttribute("policies", rows);
    return "catalog/policy-list";
  }

  @GetMapping("/admin/policies/{name}/history")
  String history(@PathVariable String name, Model model) {
    ApprovalPolicy policy = editor.existing(name);
    List<StoredPolicy> versions = policies.history(policy.name());
    List<Version> out = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      StoredPolicy v = versions.get(i);
      ApprovalPolicy before = i + 1 < versions.size() ? versions.get(i + 1).policy() : null;
      out.add(new Version(v.version(), v.changedBy().value(), v.changedAt(), v.description(), i == 0,
          PolicyDiff.between(before, v.policy()), PolicyDiff.stages(v.policy())));
    }
    model.addAttribute("policy", policy.name().value());
    model.addAttribute("builtIn", policy.builtIn());
    model.addAttribute("versions", out);
    return "catalog/policy-history";
  }
}
