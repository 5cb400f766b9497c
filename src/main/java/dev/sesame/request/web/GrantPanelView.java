package dev.sesame.request.web;

import dev.sesame.platform.web.Times;
import dev.sesame.request.Grant;
import dev.sesame.request.GrantState;
import org.jspecify.annotations.Nullable;

/**
 * The access a request created, on the request's console page: its state as a badge, its planned
 * end, how it ended, the last removal error, and whether the viewer may still remove it.
 */
record GrantPanelView(long id, String label, String tone, String since, String endsAt, @Nullable String endRequested,
    @Nullable String endReason, @Nullable String endError, @Nullable String ended, @Nullable String unmanaged,
    boolean removable) {

  static GrantPanelView from(Grant g) {
    String label = switch (g.state()) {
      case ACTIVE -> "Active";
      case ENDING -> g.endError() == null ? "Being removed" : "Removal failing";
      case ENDED -> "Ended";
      case UNMANAGED -> "Kept, not managed";
    };
    String tone = switch (g.state()) {
      case ACTIVE -> "good";
      case ENDING -> g.endError() == null ? "progress" : "bad";
      case ENDED, UNMANAGED -> "muted";
    };
    return new GrantPanelView(g.id().value(), label, tone, Times.minute(g.since()),
        g.endsAt() == null ? "No end date" : Times.minute(g.endsAt()) + " UTC",
        g.endRequestedAt() == null ? null : Times.minute(g.endRequestedAt()) + " UTC by " + g.endRequestedBy(),
        g.endReason(), g.endError(),
        g.endedAt() == null ? null : Times.minute(g.endedAt()) + " UTC",
        g.unmanagedAt() == null ? null : Times.minute(g.unmanagedAt()) + " UTC by " + g.unmanagedBy(),
        g.state() == GrantState.ACTIVE || g.state() == GrantState.ENDING && g.endError() != null);
  }
}
