package dev.sesame.platform;

import dev.sesame.directory.PersonId;
import java.util.Optional;

/** What happened to a durable job that failed, published inside the transaction that recorded it. */
public sealed interface JobEvent {

  /** The task name. */
  String task();

  /** The task instance. */
  String instance();

  /** What the job works on, when its task says. */
  Optional<JobSubject> subject();

  /** The job failed too often and went to the dead-letter list. */
  record GaveUp(String task, String instance, Optional<JobSubject> subject, int attempts, String error)
      implements JobEvent {}

  /** An admin asked for the dead job to run again. */
  record Retried(String task, String instance, Optional<JobSubject> subject, PersonId admin) implements JobEvent {}

  /** An admin gave the dead job up for good, with a note. */
  record Abandoned(String task, String instance, Optional<JobSubject> subject, PersonId admin, String note)
      implements JobEvent {}
}
