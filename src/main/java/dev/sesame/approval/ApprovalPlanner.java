package dev.sesame.approval;

import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves a flow into stages of people for one requester. Plain policy: the caller supplies the
 * app admins and the catalog admins, so the same rule holds in chat, web and API.
 */
public final class ApprovalPlanner {

  private ApprovalPlanner() {}

  /**
   * The stages of {@code flow} for {@code requester}.
   *
   * <p>NB. The requester is removed from every stage, also when they are the manager or an app
   * admin, so that nobody approves their own request. A stage left with nobody falls back to the
   * catalog admins (again without the requester); it is never skipped, because skipping would
   * approve a request that nobody approved.
   */
  public static ApprovalPlan plan(
      ApprovalFlow flow,
      Person requester,
      Collection<PersonId> appAdmins,
      Collection<PersonId> catalogAdmins) {
    List<Stage> stages = new ArrayList<>();
    for (ApproverKind kind : flow.stagesFor(requester.employmentType())) {
      Set<PersonId> approvers = new LinkedHashSet<>();
      switch (kind) {
        case MANAGER -> requester.managerId().ifPresent(approvers::add);
        case APP_ADMIN -> approvers.addAll(appAdmins);
        case FALLBACK -> approvers.addAll(catalogAdmins);
      }
      approvers.remove(requester.id());
      if (approvers.isEmpty()) {
        Set<PersonId> fallback = new LinkedHashSet<>(catalogAdmins);
        fallback.remove(requester.id());
        stages.add(new Stage(ApproverKind.FALLBACK, fallback));
      } else {
        stages.add(new Stage(kind, approvers));
      }
    }
    return new ApprovalPlan(flow, stages);
  }
}
