package dev.sesame.provisioning;

import dev.sesame.common.UnavailableException;

/**
 * A system refused a read for good: its credentials lack a permission or its settings are wrong.
 * Retrying will not help; an admin must fix the system's settings. The message names the system,
 * the setting and the fix, never a secret.
 *
 * <p>NB. it is an {@link UnavailableException}: callers that only know "the system cannot be used
 * right now" (checking a group when an app is saved, checking access when a request is made)
 * degrade the same way instead of failing with a server error; callers that can tell the
 * difference look at {@link #refusal()}.
 */
public class ConnectorRefusedException extends UnavailableException {

  private final Refusal refusal;

  public ConnectorRefusedException(Refusal refusal, String message) {
    super(message, null);
    this.refusal = refusal;
  }

  /** Why the system refused. */
  public Refusal refusal() {
    return refusal;
  }
}
