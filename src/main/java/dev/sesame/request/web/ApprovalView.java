package dev.sesame.request.web;

import dev.sesame.catalog.RoleName;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.web.Times;
import dev.sesame.request.AccessRequest;
import java.util.Map;

/** A request waiting for the viewer's decision: who asks for what, which group it adds to, which stage waits. */
record ApprovalView(String id, PersonView requester, String app, String role, String group, String system,
    int stage, int stages, String kind, String created, String createdExact) {

  static ApprovalView from(AccessRequest r, Map<PersonId, String> names) {
    return new ApprovalView(r.id().toString(), PersonView.of(r.requester(), names), r.app().value(),
        r.role().map(RoleName::value).orElse(""),
        r.target().map(t -> t.group().value()).orElse(""), r.target().map(t -> t.system().value()).orElse(""),
        r.currentStage() + 1, r.stages().size(), r.waitingStage().map(s -> s.label()).orElse(""),
        Times.minute(r.createdAt()), Times.exact(r.createdAt()));
  }
}
