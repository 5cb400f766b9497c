package dev.sesame.approval;

import dev.sesame.directory.PersonId;
import java.util.List;
import java.util.Set;

/**
 * One stage of a request, resolved for its requester: who may decide now and how many of them
 * must approve.
 *
 * @param name the stage's name from the policy, e.g. "Manager"
 * @param sources where its approvers come from (kept so the stage can be resolved again when the
 *     directory changes while the request waits); empty for a stage only the fallback decides
 * @param quorum the stage's quorum as the policy wrote it
 * @param approvers who may decide, never the requester nor an inactive person
 * @param required how many approvals complete the stage
 * @param fallback why fallback approvers stand in, empty when the stage's own approvers decide
 */
public record Stage(String name, List<ApproverSource> sources, Quorum quorum, Set<PersonId> approvers, int required,
    String fallback) {

  public Stage {
    name = name.strip();
    sources = List.copyOf(sources);
    approvers = Set.copyOf(approvers);
    fallback = fallback.strip();
    if (required < 1) {
      throw new IllegalArgumentException("a stage needs at least one approval");
    }
  }

  /** True when fallback approvers stand in for the stage's own. */
  public boolean fellBack() {
    return !fallback.isEmpty();
  }

  /** True when the stage can never complete: fewer approvers than approvals it needs. */
  public boolean stuck() {
    return approvers.size() < required;
  }

  /** How the stage reads to people: "Manager", "App admin (2 of)". */
  public String label() {
    return required > 1 ? name + " (" + required + " of " + approvers.size() + ")" : name;
  }

  /** The same stage with other approvers. */
  public Stage withApprovers(Set<PersonId> newApprovers, String why) {
    return new Stage(name, sources, quorum, newApprovers, required, why);
  }
}
