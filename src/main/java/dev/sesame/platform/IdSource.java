package dev.sesame.platform;

import java.util.UUID;

/** Where new identifiers come from, so that tests can make them predictable. */
@FunctionalInterface
public interface IdSource {

  /** A new, unique identifier. */
  UUID next();
}
