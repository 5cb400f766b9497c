package dev.sesame.approval;

import dev.sesame.directory.PersonId;
import java.time.Instant;

/**
 * An approver away for a while lets someone else decide in their place. The delegate decides
 * "on behalf of" the approver: the approval counts for the approver's seat, and the audit shows
 * both. A delegation never lets anyone decide on their own request.
 */
public record Delegation(long id, PersonId approver, PersonId delegate, Instant from, Instant until,
    Instant createdAt, PersonId createdBy) {

  /** True when the delegation holds at this instant. */
  public boolean activeAt(Instant at) {
    return !at.isBefore(from) && at.isBefore(until);
  }
}
