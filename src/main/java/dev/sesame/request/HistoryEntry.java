package dev.sesame.request;

import java.time.Instant;

/** One line of a request's history, as people read it. */
public record HistoryEntry(Instant at, String actor, String text) {}
