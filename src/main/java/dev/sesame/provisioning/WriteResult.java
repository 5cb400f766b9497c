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

  /** The system is busy or throttling: try again after the delay. */
  record RetryLater(Duration after, String reason) implements WriteResult {
    public boolean done() {
      return false;
    }
  }

  /** The system refused for good (unknown group, schema violation, no permission). */
  record Rejected(String reason) implements WriteResult {
    public boolean done() {
      return false;
    }
  }
}
