package dev.sesame.catalog;

import dev.sesame.directory.PersonId;
import java.time.Instant;

/** One saved version of an app: its number, why it changed, when and by whom. */
public record Revision(int version, String description, Instant changedAt, PersonId changedBy) {}
