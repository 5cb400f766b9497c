package dev.sesame.request;

import dev.sesame.directory.PersonId;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One decision on one stage.
 *
 * @param approver who clicked
 * @param onBehalfOf the approver whose seat a delegate filled; null when they decided themselves
 * @param override true when a catalog admin decided the whole request over the stages' heads
 */
public record Decision(int stage, PersonId approver, Verdict verdict, String comment, Instant at,
    @Nullable PersonId onBehalfOf, boolean override) {

  /** A decision by an approver in their own name. */
  public Decision(int stage, PersonId approver, Verdict verdict, String comment, Instant at) {
    this(stage, approver, verdict, comment, at, null, false);
  }

  /** The approver whose approval this counts as. */
  public PersonId seat() {
    return onBehalfOf == null ? approver : onBehalfOf;
  }

  public Optional<PersonId> delegatedBy() {
    return Optional.ofNullable(onBehalfOf);
  }
}
