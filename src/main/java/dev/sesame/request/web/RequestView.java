package dev.sesame.request.web;

import dev.sesame.catalog.RoleName;
import dev.sesame.directory.PersonId;
import dev.sesame.request.AccessRequest;
import dev.sesame.request.Decision;
import dev.sesame.request.HistoryEntry;
import java.time.Instant;
import java.util.List;

/**
 * A request as the API returns it; {@code until} is the planned end asked for, {@code renewsGrant}
 * the grant a renewal extends.
 */
record RequestView(String id, String requester, String app, String role, String state, List<String> currentApprovers,
    int currentStage, List<StageView> stages, List<DecisionView> decisions, List<HistoryEntry> history,
    Instant createdAt, Instant updatedAt, @org.jspecify.annotations.Nullable Instant until,
    @org.jspecify.annotations.Nullable Long renewsGrant) {

  static RequestView from(AccessRequest r) {
    return new RequestView(r.id().toString(), r.requester().value(), r.app().value(),
        r.role().map(RoleName::value).orElse(""), r.state().name(),
        r.currentApprovers().stream().map(PersonId::value).sorted().toList(), r.currentStage(),
        r.stages().stream().map(s -> new StageView(s.name(),
            s.approvers().stream().map(PersonId::value).sorted().toList(), s.required(), s.fallback())).toList(),
        r.decisions().stream().map(DecisionView::from).toList(), r.history(), r.createdAt(), r.updatedAt(),
        r.until().orElse(null), r.renews().map(g -> g.value()).orElse(null));
  }

  /**
   * One stage: its name, who may decide, how many approvals it needs, and why fallback approvers
   * stand in (empty when they do not).
   */
  record StageView(String name, List<String> approvers, int required, String fallback) {}

  /**
   * One decision; {@code onBehalfOf} names the approver a delegate decided for (empty when none),
   * {@code override} is true for a catalog admin's override.
   */
  record DecisionView(int stage, String approver, String verdict, String comment, Instant at, String onBehalfOf,
      boolean override) {
    static DecisionView from(Decision d) {
      return new DecisionView(d.stage(), d.approver().value(), d.verdict().name(), d.comment(), d.at(),
          d.delegatedBy().map(p -> p.value()).orElse(""), d.override());
    }
  }
}
