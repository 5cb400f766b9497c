package dev.sesame.approval;

import java.util.List;

/**
 * One stage of a policy as an admin writes it.
 *
 * @param name what the stage is called, e.g. "Security review"
 * @param when a CEL condition over {@code user}, {@code app}, {@code role} and {@code answers};
 *     empty means the stage always applies; a stage whose condition is false is skipped
 * @param approvers where the approvers come from; their union is the stage's approvers
 * @param quorum how many of them must approve
 */
public record StageRule(String name, String when, List<ApproverSource> approvers, Quorum quorum) {

  public StageRule {
    name = name.strip();
    when = when.strip();
    approvers = List.copyOf(approvers);
    if (approvers.isEmpty()) {
      throw new IllegalArgumentException("a stage needs at least one source of approvers");
    }
  }

  /** True when the stage applies to everyone. */
  public boolean unconditional() {
    return when.isEmpty();
  }

  /** True when the stage draws on the app admins. */
  public boolean needsAppAdmins() {
    return approvers.stream().anyMatch(a -> a instanceof ApproverSource.AppAdmins);
  }
}
