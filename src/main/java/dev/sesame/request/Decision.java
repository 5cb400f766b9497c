package dev.sesame.request;

import dev.sesame.directory.PersonId;
import java.time.Instant;

/** One approver's decision on one stage. */
public record Decision(int stage, PersonId approver, Verdict verdict, String comment, Instant at) {}
