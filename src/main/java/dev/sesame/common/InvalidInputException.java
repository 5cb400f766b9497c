package dev.sesame.common;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be accepted; carries every field error found, never just the first. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String reason) {
    this(List.of(new FieldError(field, reason)));
  }

  /** The field errors, in the order they were found. */
  public List<FieldError> errors() {
    return errors;
  }
}
