package dev.sesame.request;

/**
 * Where a grant stands. Only {@link #ENDED} says the identity system confirmed the membership is
 * gone; {@link #ENDING} means the removal is queued or being retried.
 */
public enum GrantState {
  /** The person has the access and Sesame manages it. */
  ACTIVE,
  /** Someone asked for the access to end; the removal is queued or being retried. */
  ENDING,
  /** The identity system confirmed the removal. */
  ENDED,
  /** The membership was kept but Sesame no longer manages it (e.g. its role was deleted). */
  UNMANAGED
}
