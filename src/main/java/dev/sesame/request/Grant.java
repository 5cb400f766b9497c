package dev.sesame.request;

import dev.sesame.directory.PersonId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Access a fulfilled request created: who, which group in which system, since when, and when and
 * by whom it ended (never deleted).
 */
public record Grant(
    RequestId request,
    PersonId person,
    String app,
    @Nullable String role,
    ProvisioningTarget target,
    Instant since,
    @Nullable Instant endedAt,
    @Nullable String endedBy) {}
