package dev.sesame.catalog.web;

import dev.sesame.approval.ApprovalPlan;
import dev.sesame.approval.ApprovalPolicies;
import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.BuiltInPolicies;
import dev.sesame.approval.PolicyName;
import dev.sesame.approval.Stage;
import dev.sesame.approval.StoredPolicy;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.PolicyCodec;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the policy editor page for each state: fresh, a copy, after an editing action (add,
 * remove or move a stage; preview), after refused input, after a stale save. Editing actions
 * change only the form; nothing is saved until the admin presses Save.
 */
@Component
class PolicyEditor {

  /** The action of the editor's main button. */
  static final String SAVE = "save";

  private final ApprovalPolicies policies;
  private final PolicyPreviews previews;
  private final PolicyUsage usage;
  private final Catalog catalog;

  PolicyEditor(ApprovalPolicies policies, PolicyPreviews previews, PolicyUsage usage, Catalog catalog) {
    this.policies = policies;
    this.previews = previews;
    this.usage = usage;
    this.catalog = catalog;
  }

  /** An empty editor for a new policy. */
  PolicyEditorView create() {
    return new Parts("", PolicyForm.blank()).view();
  }

  /** A new policy that starts as a copy of {@code from}. */
  PolicyEditorView copy(ApprovalPolicy from) {
    String name = from.name().value() + " copy";
    Parts parts = new Parts("", PolicyForm.of(from, "").withName(name.length() > 64 ? name.substring(0, 64) : name));
    parts.notice = "A copy of " + from.name().value() + ": name it, change what you need and save it.";
    return parts.view();
  }

  /** The policy as it is now: read-only when ready-made. */
  PolicyEditorView show(ApprovalPolicy policy) {
    String version = policies.stored(policy.name()).map(s -> Integer.toString(s.version())).orElse("");
    return new Parts(policy.name().value(), PolicyForm.of(policy, version)).view();
  }

  /** The policy with this name (ignoring case), ready-made or written, or not found. */
  ApprovalPolicy existing(String name) {
    return PolicyName.parse(name).flatMap(policies::find)
        .orElseThrow(() -> new NotFoundException("there is no approval policy named '" + name + "'"));
  }

  /** The editor after one editing action; an unknown action re-renders the form as typed. */
  PolicyEditorView apply(String policyName, PolicyForm form, String action) {
    String[] verb = action.split(":", 2);
    int row = verb.length > 1 && verb[1].matches("\\d{1,3}") ? Integer.parseInt(verb[1]) : -1;
    Parts parts = new Parts(policyName, form);
    List<PolicyForm.StageRow> stages = new ArrayList<>(form.stages());
    switch (verb[0]) {
      case "add-stage" -> {
        if (stages.size() < 10) {
          stages.add(PolicyForm.StageRow.EMPTY);
        } else {
          parts.notice = "A policy has at most 10 stages.";
        }
      }
      case "remove-stage" -> {
        if (row >= 0 && row < stages.size()) {
          stages.remove(row);
        }
      }
      case "up-stage" -> swap(stages, row, row - 1);
      case "down-stage" -> swap(stages, row, row + 1);
      case "rebase" -> {
        if (row >= 0) {
          parts.form = form.withVersion(Integer.toString(row));
          parts.notice = "You are now editing over version " + row + ". Review the form and save again.";
          return parts.view();
        }
      }
      default -> { }
    }
    parts.form = form.withStages(stages);
    if (verb[0].equals("preview")) {
      preview(parts);
    }
    return parts.view();
  }

  /** The editor with the errors of a refused save next to their inputs. */
  PolicyEditorView refused(String policyName, PolicyForm form, List<FieldError> errors) {
    Parts parts = new Parts(policyName, form);
    parts.errors = PolicyFormErrors.of(errors, form);
    return parts.view();
  }

  /** The editor after a stale save: the form as typed, and what the other save changed. */
  PolicyEditorView stale(String policyName, PolicyForm form, String message) {
    Parts parts = new Parts(policyName, form);
    Optional<StoredPolicy> now = PolicyName.parse(policyName).flatMap(policies::stored);
    Integer read = form.versionNumber();
    if (now.isEmpty() || read == null) {
      parts.errors = FormErrors.general("Not saved: " + message + ".");
      return parts.view();
    }
    StoredPolicy current = now.get();
    ApprovalPolicy before = policies.history(current.policy().name()).stream().filter(p -> p.version() == read)
        .findFirst().map(StoredPolicy::policy).orElse(null);
    parts.conflict = new EditorView.Conflict(read, current.version(), current.changedBy().value(), current.changedAt(),
        current.description(), before == null ? List.of() : PolicyDiff.between(before, current.policy()));
    return parts.view();
  }

  // ---------------------------------------------------------------------------------------------
  // The preview

  private void preview(Parts parts) {
    PolicyForm form = parts.form;
    List<FieldError> problems = new ArrayList<>(form.problems(false));
    PolicyCodec.Read read = PolicyCodec.read(form.toJson(), "policy");
    problems.addAll(read.errors());
    if (read.policy().isEmpty() || !problems.isEmpty()) {
      parts.errors = PolicyFormErrors.of(problems, form);
      parts.preview = new PolicyEditorView.PreviewView("The policy as typed has problems, marked below; fix them to"
          + " see the preview.", "", List.of());
      return;
    }
    try {
      parts.preview = view(previews.preview(read.policy().get(), form.previewPerson(), form.previewApp(),
          form.previewRole()));
    } catch (InvalidInputException e) {
      Map<String, List<String>> byField = new LinkedHashMap<>();
      e.errors().forEach(err -> byField.computeIfAbsent("preview" + Character.toUpperCase(err.field().charAt(0))
          + err.field().substring(1), k -> new ArrayList<>()).add(PolicyFormErrors.sentence(err.reason())));
      parts.errors = new FormErrors(byField, List.of());
    }
  }

  private PolicyEditorView.PreviewView view(PolicyPreviews.Preview p) {
    String who = p.requester().displayName() + " (" + p.requester().id().value() + ", "
        + p.requester().attributes().get("employmentType") + ")";
    String what = p.app().map(a -> " for " + a.name().value() + (p.role().isEmpty() ? "" : " › " + p.role()))
        .orElse(" (no app chosen, so nobody is an app admin)");
    ApprovalPlan plan = p.plan();
    String outcome = plan.automatic() ? "approved at once, nobody decides."
        : plan.stuck().isPresent() ? "needs attention: the stage " + plan.stuck().get().name()
            + " cannot reach its quorum, so the request would wait for a catalog admin."
        : plan.stages().size() + (plan.stages().size() == 1 ? " stage decides." : " stages decide, in order.");
    List<PolicyEditorView.StageView> stages = new ArrayList<>();
    for (PolicyPreviews.StagePreview s : p.stages()) {
      Stage stage = s.stage();
      stages.add(new PolicyEditorView.StageView(s.rule().name(), s.applies(), s.reason(),
          stage == null ? List.of() : stage.approvers().stream().sorted().map(previews::describe).toList(),
          stage == null ? "" : quorum(stage), stage == null ? "" : stage.fallback(), stage != null && stage.stuck(),
          s.removed().stream().map(r -> r.person() + ": " + r.why()).toList()));
    }
    return new PolicyEditorView.PreviewView("", "If " + who + " asked" + what + ": " + outcome, stages);
  }

  private static String quorum(Stage stage) {
    int n = stage.approvers().size();
    int r = stage.required();
    return r == 1 ? "any one of " + n : r == n ? "all " + n : r + " of " + n;
  }

  private static <T> void swap(List<T> rows, int from, int to) {
    if (from >= 0 && to >= 0 && from < rows.size() && to < rows.size()) {
      Collections.swap(rows, from, to);
    }
  }

  /** The parts of a page being built. */
  private final class Parts {
    final String policyName;
    PolicyForm form;
    FormErrors errors = FormErrors.NONE;
    String notice = "";
    PolicyEditorView.@Nullable PreviewView preview;
    EditorView.@Nullable Conflict conflict;

    Parts(String policyName, PolicyForm form) {
      this.policyName = policyName;
      this.form = form;
    }

    PolicyEditorView view() {
      boolean readOnly = PolicyName.parse(policyName).flatMap(BuiltInPolicies::find).isPresent();
      PolicyEditorView.Saved saved = PolicyName.parse(policyName).flatMap(policies::stored)
          .map(s -> new PolicyEditorView.Saved(s.version(), s.changedBy().value(), s.changedAt(), s.description()))
          .orElse(null);
      List<PolicyUsage.Use> usedBy = PolicyName.parse(policyName).map(usage::of).orElse(List.of());
      List<String> apps = catalog.current().stream().map(a -> a.name().value()).toList();
      return new PolicyEditorView(policyName, readOnly, form, errors, notice, apps, usedBy, saved, preview, conflict);
    }
  }
}
