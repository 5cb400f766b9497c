package dev.sesame.common;

import java.util.Objects;

/**
 * One problem with one input field: the field's path (e.g. {@code apps[2].strategy.roles[0].name})
 * and a reason a person can act on.
 */
public record FieldError(String field, String reason) {

  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  /** The same error, its path placed under {@code prefix}. */
  public FieldError under(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    return new FieldError(field.isEmpty() ? prefix : prefix + (field.startsWith("[") ? "" : ".") + field, reason);
  }
}
