package dev.sesame.request;

import dev.sesame.directory.PersonId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Access a fulfilled request created: who, which group in which system, since when, until when it
 * is planned to last, and how it ended (never deleted).
 *
 * @param app the app's key (lower case)
 * @param endsAt the planned end, null for open-ended access
 * @param endRequestedAt when someone asked for the access to end (null while active)
 * @param endRequestedBy who asked: the person, an admin, or {@code sesame} at the planned end
 * @param endReason why the access ends
 * @param endError the last error while removing it (set while ending, when removal keeps failing)
 * @param endedAt when the identity system confirmed the removal
 * @param endedBy who asked for the removal that was confirmed
 * @param unmanagedAt when the grant was left in place but no longer managed by Sesame
 */
public record Grant(
    GrantId id,
    RequestId request,
    PersonId person,
    String app,
    @Nullable String role,
    ProvisioningTarget target,
    Instant since,
    @Nullable Instant endsAt,
    @Nullable Instant endRequestedAt,
    @Nullable String endRequestedBy,
    @Nullable String endReason,
    @Nullable String endError,
    @Nullable Instant endedAt,
    @Nullable String endedBy,
    @Nullable Instant unmanagedAt,
    @Nullable String unmanagedBy) {

  /** Where the grant stands. */
  public GrantState state() {
    if (endedAt != null) {
      return GrantState.ENDED;
    }
    if (unmanagedAt != null) {
      return GrantState.UNMANAGED;
    }
    return endRequestedAt != null ? GrantState.ENDING : GrantState.ACTIVE;
  }
}
