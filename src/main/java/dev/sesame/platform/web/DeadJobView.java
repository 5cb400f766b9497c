package dev.sesame.platform.web;

import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.platform.DeadJob;
import dev.sesame.platform.JobSubject;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One failed job as the console and the API show it.
 *
 * @param id the number to retry or give it up with
 * @param task the task name
 * @param instance the task instance (for provisioning: the request id)
 * @param title what the job works on, e.g. "Figma for alex.kim"
 * @param link the console page of what it works on, or empty
 * @param person the login of the person concerned, or empty
 * @param personName their name, or empty
 * @param app the app, or empty
 * @param system the identity system and group, or empty
 * @param state the state of what it works on, in words
 * @param attempts how many runs failed in a row
 * @param error the last error
 * @param firstFailedAt when the first of these runs failed
 * @param gaveUpAt when it gave up
 * @param resolution retried or given-up, null while open
 * @param resolvedBy who resolved it
 * @param resolvedAt when
 * @param note the admin's note
 */
public record DeadJobView(long id, String task, String instance, String title, String link, String person,
    String personName, String app, String system, String state, int attempts, String error, Instant firstFailedAt,
    Instant gaveUpAt, @Nullable String resolution, @Nullable String resolvedBy, @Nullable Instant resolvedAt,
    String note) {

  static DeadJobView of(DeadJob job, Directory directory) {
    JobSubject s = job.subject().orElse(null);
    String login = s == null || s.person() == null ? "" : s.person().value();
    String name = s == null || s.person() == null ? ""
        : directory.find(s.person()).map(Person::displayName).orElse(login);
    return new DeadJobView(job.id(), job.task(), job.instance(), s == null ? job.task() + " " + job.instance() : s.title(),
        s == null ? "" : s.link(), login, name, s == null ? "" : s.app(), s == null ? "" : s.system(),
        s == null ? "" : s.state(), job.attempts(), job.lastError(), job.firstFailedAt(), job.gaveUpAt(),
        job.resolution(), job.resolvedBy(), job.resolvedAt(), job.note());
  }

  /** When it gave up, to the minute (UTC). */
  public String gaveUp() {
    return Times.minute(gaveUpAt);
  }

  /** When it first failed, to the minute (UTC). */
  public String firstFailed() {
    return Times.minute(firstFailedAt);
  }

  /** The instance's first eight characters: enough to tell requests apart on one page. */
  public String shortInstance() {
    return instance.length() > 8 ? instance.substring(0, 8) : instance;
  }
}
