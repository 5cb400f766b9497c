package dev.sesame.provisioning;

/**
 * A system refused a read for good: its credentials lack a permission or its settings are wrong.
 * Unlike {@link dev.sesame.common.UnavailableException}, retrying will not help; an admin must fix
 * the system's settings. The message names the system, the setting and the fix, never a secret.
 */
public class ConnectorRefusedException extends RuntimeException {

  private final Refusal refusal;

  public ConnectorRefusedException(Refusal refusal, String message) {
    super(message);
    this.refusal = refusal;
  }

  /** Why the system refused. */
  public Refusal refusal() {
    return refusal;
  }
}
