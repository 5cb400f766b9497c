package dev.sesame.provisioning;

import java.time.Duration;

/** What a connector's write did. Expected outcomes are values; only faults are exceptions. */
public sealed interface WriteResult {

  /** True when the system is now in the wanted state. */
  boolean done();

  /** The system changed as asked. */
  record Applied() implements WriteResult {
    public boolean done() {
      return true;
    }
  }

  /** The system was already in the wanted state ("already a member", "already removed"). */
  record AlreadyInState() implements WriteResult {
    public boolean done() {
      return true;
    }
  }

  /**
   * The system is throttling, busy, failing or too slow: try again after the delay. The write may
   * or may not have happened; the next try converges either way (writes are idempotent).
   *
   * @param after how long to wait, measured from now (e.g. until Okta's rate-limit reset)
   * @param why throttled (the system said when) or unavailable (a default backoff)
   */
  record RetryLater(Duration after, Why why, String reason) implements WriteResult {

    /** An unavailable system, retried after {@code after}. */
    public RetryLater(Duration after, String reason) {
      this(after, Why.UNAVAILABLE, reason);
    }

    public boolean done() {
      return false;
    }

    /** Why a write must be retried. */
    public enum Why {
      /** The system said it is rate-limiting or busy (429, Retry-After, LDAP busy). */
      THROTTLED,
      /** The system could not be reached, failed (5xx) or did not answer in time. */
      UNAVAILABLE
    }
  }

  /**
   * The system refused for good (unknown person or group, no permission, wrong settings).
   *
   * @param refusal the kind of refusal, so callers can tell a missing group from missing rights
   */
  record Rejected(Refusal refusal, String reason) implements WriteResult {

    /** A refusal of no more specific kind. */
    public Rejected(String reason) {
      this(Refusal.REFUSED, reason);
    }

    public boolean done() {
      return false;
    }
  }
}
