package dev.sesame.provisioning.http;

/** An HTTP call got no answer: the server could not be reached, or did not answer in time. */
public class CallFailed extends Exception {

  private final boolean timedOut;

  public CallFailed(String message, boolean timedOut, Throwable cause) {
    super(message, cause);
    this.timedOut = timedOut;
  }

  /** True when the server was reached but did not answer within the timeout. */
  public boolean timedOut() {
    return timedOut;
  }
}
