package dev.sesame.request;

/** An approver's answer. */
public enum Verdict {
  /** Yes. */
  APPROVED,
  /** No; ends the request. */
  DENIED
}
