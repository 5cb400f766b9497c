package dev.sesame.common;

/**
 * The object does not exist, or the caller may not see it: both give the same answer so that
 * nobody can probe which objects exist.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
