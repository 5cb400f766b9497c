package dev.sesame.platform;

import dev.sesame.directory.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * What a job instance works on, as its task describes it for the admins who look at a dead job.
 *
 * @param auditSubject the audit subject the job's decisions are recorded under, e.g. {@code request:…}
 * @param title a short description, e.g. "Figma for Alex Kim"
 * @param link where the console shows the thing the job works on
 * @param person the person concerned, if any
 * @param app the app concerned, or empty
 * @param system the identity system the job writes to, or empty
 * @param state the state of the thing the job works on, in words
 */
public record JobSubject(String auditSubject, String title, String link, @Nullable PersonId person, String app,
    String system, String state) {}
