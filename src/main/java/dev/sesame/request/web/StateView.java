package dev.sesame.request.web;

import dev.sesame.request.RequestState;
import java.util.Arrays;
import java.util.List;

/**
 * A request state as a badge: its name (the filter value), a short label and a tone for the colour
 * (waiting, progress, good, bad, muted).
 */
record StateView(String name, String label, String tone) {

  static StateView from(RequestState state) {
    return switch (state) {
      case PENDING_APPROVAL -> new StateView(state.name(), "Waiting for approval", "waiting");
      case APPROVED -> new StateView(state.name(), "Approved", "progress");
      case PROVISIONING -> new StateView(state.name(), "Provisioning", "progress");
      case FULFILLED -> new StateView(state.name(), "Done", "good");
      case DENIED -> new StateView(state.name(), "Denied", "bad");
      case CANCELLED -> new StateView(state.name(), "Cancelled", "muted");
      case EXPIRED -> new StateView(state.name(), "Expired", "muted");
      case NEEDS_ATTENTION -> new StateView(state.name(), "Needs attention", "bad");
      case CLOSED -> new StateView(state.name(), "Closed", "muted");
    };
  }

  /** Every state, for the filter's choices. */
  static List<StateView> all() {
    return Arrays.stream(RequestState.values()).map(StateView::from).toList();
  }
}
