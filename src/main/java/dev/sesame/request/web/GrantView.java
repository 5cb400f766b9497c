package dev.sesame.request.web;

import dev.sesame.request.Grant;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A grant as the API returns it: {@code state} is ACTIVE, ENDING (removal queued or being retried;
 * {@code endError} says what failed last), ENDED (the identity system confirmed the removal) or
 * UNMANAGED; {@code endsAt} is the planned end.
 */
record GrantView(long id, String request, String person, String app, @Nullable String role, String system,
    String group, Instant since, @Nullable Instant endsAt, String state, @Nullable Instant endRequestedAt,
    @Nullable String endRequestedBy, @Nullable String endReason, @Nullable String endError, @Nullable Instant endedAt,
    @Nullable String endedBy, @Nullable Instant unmanagedAt, @Nullable String unmanagedBy) {

  static GrantView from(Grant g) {
    return new GrantView(g.id().value(), g.request().toString(), g.person().value(), g.app(), g.role(),
        g.target().system().value(), g.target().group().value(), g.since(), g.endsAt(), g.state().name(),
        g.endRequestedAt(), g.endRequestedBy(), g.endReason(), g.endError(), g.endedAt(), g.endedBy(),
        g.unmanagedAt(), g.unmanagedBy());
  }
}
