package dev.sesame.approval;

import java.util.List;
import java.util.Optional;

/**
 * The stages a request goes through, in order; no stages means it is approved at once.
 *
 * @param policy the policy the stages come from
 * @param skipped the names of the stages whose condition did not hold for this request
 */
public record ApprovalPlan(PolicyName policy, List<Stage> stages, List<String> skipped) {

  public ApprovalPlan {
    stages = List.copyOf(stages);
    skipped = List.copyOf(skipped);
  }

  /** True when nobody has to approve. */
  public boolean automatic() {
    return stages.isEmpty();
  }

  /** The first stage that can never complete, when there is one: the request needs an admin. */
  public Optional<Stage> stuck() {
    return stages.stream().filter(Stage::stuck).findFirst();
  }

  /** Why the request was approved at once, as the audit records it. */
  public String automaticReason() {
    return skipped.isEmpty()
        ? "policy " + policy + " needs no approval"
        : "policy " + policy + ": no stage applies (" + String.join(", ", skipped) + " skipped by their conditions)";
  }
}
