package dev.sesame.approval;

import java.util.List;

/** The stages a request goes through, in order; no stages means it is approved at once. */
public record ApprovalPlan(ApprovalFlow flow, List<Stage> stages) {

  public ApprovalPlan {
    stages = List.copyOf(stages);
  }

  /** True when nobody has to approve. */
  public boolean automatic() {
    return stages.isEmpty();
  }
}
