package dev.sesame.approval;

import dev.sesame.directory.PersonId;
import java.time.Instant;

/** One saved version of a policy: its number, why it changed, when and by whom. */
public record StoredPolicy(ApprovalPolicy policy, int version, String description, Instant changedAt,
    PersonId changedBy) {}
