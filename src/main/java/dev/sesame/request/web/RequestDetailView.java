package dev.sesame.request.web;

import dev.sesame.catalog.RoleName;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.web.Times;
import dev.sesame.request.AccessRequest;
import dev.sesame.request.Decision;
import dev.sesame.request.RequestOverview;
import dev.sesame.request.RequestState;
import dev.sesame.request.Verdict;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/** One request on the console: who asked for what, its stages and decisions, and its timeline. */
record RequestDetailView(String id, PersonView requester, String app, String role, StateView state,
    @Nullable TargetView target, List<StageView> stages, String created, String updated, List<Timeline.Line> timeline) {

  static RequestDetailView from(RequestOverview.Detail detail) {
    AccessRequest r = detail.request();
    Map<PersonId, String> names = detail.names();
    return new RequestDetailView(r.id().toString(), PersonView.of(r.requester(), names), r.app().value(),
        r.role().map(RoleName::value).orElse(""), StateView.from(r.state()),
        r.target().map(t -> new TargetView(t.system().value(), t.group().value())).orElse(null),
        IntStream.range(0, r.stages().size()).mapToObj(i -> StageView.from(r, i, names)).toList(),
        Times.minute(r.createdAt()), Times.minute(r.updatedAt()), Timeline.of(detail.events(), r.history()));
  }

  /** The group the request adds to, in which system. */
  record TargetView(String system, String group) {}

  /**
   * One approval stage.
   *
   * @param status "waiting", "approved", "denied" or "" (not reached or not decided)
   */
  record StageView(int number, String kind, List<PersonView> approvers, String status, List<DecisionView> decisions) {

    static StageView from(AccessRequest r, int index, Map<PersonId, String> names) {
      List<DecisionView> decisions = r.decisions().stream().filter(d -> d.stage() == index)
          .map(d -> DecisionView.from(d, names)).toList();
      String status = r.state() == RequestState.PENDING_APPROVAL && r.currentStage() == index ? "waiting"
          : r.decisions().stream().filter(d -> d.stage() == index).reduce((a, b) -> b)
              .map(d -> d.verdict() == Verdict.APPROVED ? "approved" : "denied").orElse("");
      return new StageView(index + 1, r.stages().get(index).label(),
          PersonView.all(r.stages().get(index).approvers(), names), status, decisions);
    }
  }

  /** One approver's decision: "approved" or "denied", with the comment. */
  record DecisionView(PersonView approver, String verdict, String comment, String at) {

    static DecisionView from(Decision d, Map<PersonId, String> names) {
      String verdict = d.verdict() == Verdict.APPROVED ? "approved" : "denied";
      String how = d.override() ? " (admin override)"
          : d.delegatedBy().map(p -> " on behalf of " + names.getOrDefault(p, p.value())).orElse("");
      return new DecisionView(PersonView.of(d.approver(), names), verdict + how, d.comment(), Times.minute(d.at()));
    }
  }
}
