package dev.sesame.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded event.
 *
 * @param event a stable event id, see {@link AuditTrail}
 * @param subject what the event is about, e.g. {@code app:figma} or {@code request:…}
 * @param details structured fields with fixed names
 */
public record AuditEvent(long id, Instant at, String actor, String event, String subject, Map<String, Object> details) {}
