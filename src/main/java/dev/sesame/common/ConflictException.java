package dev.sesame.common;

/** The request clashes with the current state: a stale version, an already decided request. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
