package dev.sesame.request;

import java.util.Optional;
import java.util.UUID;

/** The identity of one access request. */
public record RequestId(UUID value) {

  /** Parses untrusted text; empty when it is not a request id. */
  public static Optional<RequestId> parse(String text) {
    try {
      return Optional.of(new RequestId(UUID.fromString(text.strip())));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
