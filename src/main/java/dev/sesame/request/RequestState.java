package dev.sesame.request;

/** Where a request stands. Terminal states are final. */
public enum RequestState {
  /** Waiting for the approvers of the current stage. */
  PENDING_APPROVAL,
  /** Every stage approved; provisioning is queued. */
  APPROVED,
  /** Sesame is adding the person in the identity system. */
  PROVISIONING,
  /** The identity system confirmed the access. */
  FULFILLED,
  /** An approver said no. */
  DENIED,
  /** The requester withdrew the request. */
  CANCELLED,
  /** Nobody decided in time. */
  EXPIRED,
  /** Sesame could not carry the request out; a person must act. */
  NEEDS_ATTENTION,
  /**
   * Sesame closed the request because what it depended on went away: the app was disabled, the
   * role deleted, the requester left. A closed request never reopens.
   */
  CLOSED;

  /** True while the request can still change. */
  public boolean open() {
    return this == PENDING_APPROVAL || this == APPROVED || this == PROVISIONING;
  }

  /** How the state reads to people. */
  public String label() {
    return switch (this) {
      case PENDING_APPROVAL -> "waiting for approval";
      case APPROVED -> "approved, access being set up";
      case PROVISIONING -> "access being set up";
      case FULFILLED -> "done";
      case DENIED -> "denied";
      case CANCELLED -> "cancelled";
      case EXPIRED -> "expired";
      case NEEDS_ATTENTION -> "with IT for a closer look";
      case CLOSED -> "closed";
    };
  }
}
