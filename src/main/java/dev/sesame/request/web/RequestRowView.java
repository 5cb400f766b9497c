package dev.sesame.request.web;

import dev.sesame.catalog.RoleName;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.web.Times;
import dev.sesame.request.AccessRequest;
import dev.sesame.request.RequestOverview;
import java.util.List;
import java.util.Map;

/** One row of the console's request list. */
record RequestRowView(String id, PersonView requester, String app, String role, StateView state,
    List<PersonView> approvers, String created, String createdExact, String updated, String updatedExact) {

  static RequestRowView from(AccessRequest r, Map<PersonId, String> names) {
    return new RequestRowView(r.id().toString(), PersonView.of(r.requester(), names), r.app().value(),
        r.role().map(RoleName::value).orElse(""), StateView.from(r.state()),
        PersonView.all(r.currentApprovers(), names),
        Times.minute(r.createdAt()), Times.exact(r.createdAt()), Times.minute(r.updatedAt()), Times.exact(r.updatedAt()));
  }

  /** The rows of a listing, and whether "show more" has more to show and how many it asks for. */
  record Page(List<RequestRowView> rows, boolean more, int nextLimit) {

    static final Page EMPTY = new Page(List.of(), false, RequestFilterForm.DEFAULT_LIMIT);

    static Page from(RequestOverview.Listing listing, int limit) {
      return new Page(listing.requests().stream().map(r -> RequestRowView.from(r, listing.names())).toList(), listing.more(),
          limit + RequestFilterForm.DEFAULT_LIMIT);
    }
  }
}
