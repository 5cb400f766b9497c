package dev.sesame.catalog.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The policy editor as shown: the form as typed, its errors next to their inputs, the preview the
 * admin asked for, and which apps and roles use the policy.
 *
 * @param policyName the policy being changed or shown; empty when creating one
 * @param readOnly true for a ready-made policy, which is shown but never saved
 * @param apps the names of the current apps, for the preview's select
 * @param saved the version on record, null for ready-made and new policies
 */
record PolicyEditorView(
    String policyName, boolean readOnly, PolicyForm form, FormErrors errors, String notice, List<String> apps,
    List<PolicyUsage.Use> usedBy, @Nullable Saved saved, @Nullable PreviewView preview,
    EditorView.@Nullable Conflict conflict) {

  /** True when creating a policy, false when changing or showing one. */
  public boolean creating() {
    return policyName.isEmpty();
  }

  /** The version on record: who saved it, when and why. */
  record Saved(int version, String changedBy, Instant changedAt, String description) {}

  /**
   * A preview for one person.
   *
   * @param problem why there is no preview (the policy as typed has errors); empty when there is one
   * @param headline who asks for what, and the outcome in one sentence
   */
  record PreviewView(String problem, String headline, List<StageView> stages) {}

  /**
   * One stage of a preview.
   *
   * @param reason why it applies or is skipped
   * @param approvers who would approve, "Name (login)"
   * @param quorum e.g. "any one of 3", "2 of 3"
   * @param fallback why fallback approvers stand in; empty when they don't
   * @param removed the people the stage names who will not approve, each with why
   */
  record StageView(String name, boolean applies, String reason, List<String> approvers, String quorum,
      String fallback, boolean stuck, List<String> removed) {}
}
