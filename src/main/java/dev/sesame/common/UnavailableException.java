package dev.sesame.common;

/** A system Sesame depends on (directory, identity system) cannot be reached right now. */
public class UnavailableException extends RuntimeException {

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
