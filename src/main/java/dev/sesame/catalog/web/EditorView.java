package dev.sesame.catalog.web;

import dev.sesame.approval.BuiltInPolicies;
import dev.sesame.approval.PolicyName;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The catalog editor as shown: the form as typed, its errors next to their inputs, and the answers
 * of the tools the admin used (group checks, rule test, approvers, preview).
 *
 * @param appName the app being changed; empty when creating one
 * @param roleChecks the group check of each role row, by row
 * @param rolesProblem why a role row could not be removed
 * @param heldAccess the question a save that deletes held roles asks (how many hold them, and
 *     whether to remove or keep their access); empty when there is none
 */
record EditorView(
    String appName, AppForm form, FormErrors errors, List<String> systems, List<String> flows, String notice,
    EditorChecks.@Nullable Outcome groupCheck, Map<Integer, EditorChecks.Outcome> roleChecks, String rolesProblem,
    EditorChecks.@Nullable RuleTest ruleTest, EditorChecks.@Nullable Approvers approvers,
    @Nullable Conflict conflict, boolean archived, String heldAccess) {

  /** True when creating an app, false when changing one. */
  public boolean creating() {
    return appName.isEmpty();
  }

  /** True for a ready-made approval policy, false for one admins wrote (the select groups them). */
  public boolean builtInFlow(String flow) {
    return PolicyName.parse(flow).flatMap(BuiltInPolicies::find).isPresent();
  }

  /** True when admins wrote policies of their own. */
  public boolean hasWrittenFlows() {
    return flows.stream().anyMatch(f -> !builtInFlow(f));
  }

  /** The self-service instructions as the chat will show them. */
  public String previewHtml() {
    return MarkdownPreview.html(form.body());
  }

  /** True when there are instructions but no https address in them. */
  public boolean missingUrl() {
    return !form.body().isBlank() && !MarkdownPreview.hasHttpsUrl(form.body());
  }

  /**
   * Someone else saved the app after the admin read it.
   *
   * @param theirChanges what the other save(s) changed, from the version read to the current one
   */
  record Conflict(int readVersion, int currentVersion, String changedBy, Instant changedAt, String description,
      List<EntryDiff.Change> theirChanges) {}
}
