package dev.sesame.request;

import java.util.Optional;

/** The identity of one grant (the database's sequence number). */
public record GrantId(long value) {

  public GrantId {
    if (value <= 0) {
      throw new IllegalArgumentException("a grant id is a positive number");
    }
  }

  /** Parses untrusted text; empty when it is not a grant id. */
  public static Optional<GrantId> parse(String text) {
    try {
      return Optional.of(new GrantId(Long.parseLong(text.strip())));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
