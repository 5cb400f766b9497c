package dev.sesame.platform;

import dev.sesame.common.ConflictException;
import dev.sesame.common.ForbiddenException;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.common.Texts;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dead-letter list of durable jobs: the jobs that failed too often (or were refused for good)
 * and wait for an admin. A catalog admin either retries one — the job is scheduled again and its
 * task is told ({@link DurableTask#retried}) so that it can put its work back in the state that
 * expects it — or gives it up for good with a note ({@link DurableTask#abandoned}). Each decision
 * is recorded with its admin, and an open job is resolved once: a second decision gets a 409 that
 * names who decided and when.
 *
 * <p>The job's failures are counted in the same table while it is still retried, so that the row
 * knows when the first failure was; the row moves onto the list in the transaction that removes
 * the job from the queue, so a job is always either waiting in the queue or on this list.
 */
@Component
public class DeadJobs {

  // NB. Error texts come from connectors, which name the object, setting and fix but no credential;
  // anything that still looks like one is masked before it is stored.
  private static final int MAX_ERROR = 2000;
  private static final int MAX_NOTE = 1000;
  private static final String COLUMNS = "id, task_name, task_instance, attempts, last_error, first_failed_at,"
      + " gave_up_at, resolution, resolved_by, resolved_at, note";

  private final JdbcClient jdbc;
  private final Map<String, DurableTask> tasks;
  private final Jobs jobs;
  private final CatalogAdmins admins;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DeadJobs(JdbcClient jdbc, List<DurableTask> tasks, Jobs jobs, CatalogAdmins admins,
      ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.tasks = tasks.stream().collect(Collectors.toMap(DurableTask::name, Function.identity()));
    this.jobs = jobs;
    this.admins = admins;
    this.events = events;
    this.clock = clock;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** The jobs that gave up and wait for an admin, the oldest first. */
  public List<DeadJob> open() {
    return jdbc.sql("select " + COLUMNS + " from dead_job where resolved_at is null and gave_up_at is not null"
        + " order by gave_up_at, id").query(this::map).list();
  }

  /** One dead job, open or resolved. */
  public DeadJob get(long id) {
    return jdbc.sql("select " + COLUMNS + " from dead_job where id = ? and gave_up_at is not null")
        .param(id).query(this::map).optional()
        .orElseThrow(() -> new NotFoundException("there is no failed job " + id));
  }

  // ---------------------------------------------------------------------------------------------
  // Decisions

  /** Runs the dead job again: 403 for non-admins, 409 when it was resolved already. */
  @Transactional
  public DeadJob retry(long id, PersonId admin) {
    requireAdmin(admin);
    DeadJob job = lockOpen(id);
    DurableTask task = task(job);
    task.retried(job.instance(), admin);
    jobs.schedule(job.task(), job.instance());
    resolve(job, "retried", admin, "");
    events.publishEvent(new JobEvent.Retried(job.task(), job.instance(), task.describe(job.instance()), admin));
    return get(id);
  }

  /** Gives the dead job up for good: 400 without a note, 403 for non-admins, 409 when resolved. */
  @Transactional
  public DeadJob giveUp(long id, PersonId admin, String note) {
    Texts.require("note", note);
    if (note.isBlank()) {
      throw new InvalidInputException("note", "is required: say what happens instead (e.g. who sets it up by hand)");
    }
    if (note.length() > MAX_NOTE) {
      throw new InvalidInputException("note", "has more than " + MAX_NOTE + " characters");
    }
    requireAdmin(admin);
    DeadJob job = lockOpen(id);
    DurableTask task = task(job);
    task.abandoned(job.instance(), admin, note.strip());
    resolve(job, "given-up", admin, note.strip());
    events.publishEvent(new JobEvent.Abandoned(job.task(), job.instance(), task.describe(job.instance()), admin,
        note.strip()));
    return get(id);
  }

  // ---------------------------------------------------------------------------------------------
  // Recording, called by the job runner inside the transaction that reschedules or removes the job

  /** A run failed and the job will run again. */
  void failed(String task, String instance, int attempts, Throwable error) {
    upsert(task, instance, attempts, error, false);
  }

  /** The job gave up: it is now on the list. */
  void gaveUp(String task, String instance, int attempts, Throwable error) {
    upsert(task, instance, attempts, error, true);
    events.publishEvent(new JobEvent.GaveUp(task, instance,
        Optional.ofNullable(tasks.get(task)).flatMap(t -> t.describe(instance)), attempts, errorText(error)));
  }

  /**
   * The job ran: its count of failures is forgotten, and when it was on the list (it gave up, and
   * was queued again by its own module, e.g. someone asked again) it is resolved as retried.
   */
  void succeeded(String task, String instance) {
    jdbc.sql("""
        with listed as (
          update dead_job set resolution = 'retried', resolved_by = 'sesame', resolved_at = ?,
              note = 'ran again and succeeded'
          where task_name = ? and task_instance = ? and resolved_at is null and gave_up_at is not null)
        delete from dead_job where task_name = ? and task_instance = ? and resolved_at is null and gave_up_at is null
        """)
        .params(Timestamp.from(clock.instant()), task, instance, task, instance).update();
  }

  /** The text stored and shown for an error: its message, with anything like a secret masked, shortened. */
  public static String errorText(Throwable error) {
    String message = error.getMessage() == null || error.getMessage().isBlank()
        ? error.getClass().getSimpleName() : error.getMessage();
    String masked = dev.sesame.common.Texts.maskSecrets(message).replaceAll("[\\p{Cntrl}&&[^\\t\\n]]", " ");
    return masked.length() > MAX_ERROR ? masked.substring(0, MAX_ERROR) + "…" : masked;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private void upsert(String task, String instance, int attempts, Throwable error, boolean dead) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("""
        insert into dead_job (task_name, task_instance, attempts, last_error, first_failed_at, last_failed_at, gave_up_at)
        values (?, ?, ?, ?, ?, ?, ?)
        on conflict (task_name, task_instance) where resolved_at is null
        do update set attempts = excluded.attempts, last_error = excluded.last_error,
            last_failed_at = excluded.last_failed_at, gave_up_at = coalesce(dead_job.gave_up_at, excluded.gave_up_at)
        """)
        .params(task, instance, attempts, errorText(error), now, now, dead ? now : null)
        .update();
  }

  private DeadJob lockOpen(long id) {
    DeadJob job = jdbc.sql("select " + COLUMNS + " from dead_job where id = ? and gave_up_at is not null for update")
        .param(id).query(this::map).optional()
        .orElseThrow(() -> new NotFoundException("there is no failed job " + id));
    if (!job.open()) {
      throw new ConflictException("the failed job " + id + " was already " + ("retried".equals(job.resolution())
          ? "retried" : "given up") + " by " + job.resolvedBy() + " at " + job.resolvedAt());
    }
    return job;
  }

  private DurableTask task(DeadJob job) {
    DurableTask task = tasks.get(job.task());
    if (task == null) {
      throw new ConflictException("the failed job " + job.id() + " belongs to the task '" + job.task()
          + "', which this version of Sesame no longer runs");
    }
    return task;
  }

  private void resolve(DeadJob job, String resolution, PersonId admin, String note) {
    jdbc.sql("update dead_job set resolution = ?, resolved_by = ?, resolved_at = ?, note = ? where id = ?")
        .params(resolution, admin.value(), Timestamp.from(clock.instant()), note, job.id())
        .update();
  }

  private void requireAdmin(PersonId person) {
    if (!admins.includes(person)) {
      throw new ForbiddenException("only catalog admins may retry or give up failed jobs");
    }
  }

  private DeadJob map(ResultSet rs, int row) throws SQLException {
    String task = rs.getString("task_name");
    String instance = rs.getString("task_instance");
    return new DeadJob(rs.getLong("id"), task, instance, rs.getInt("attempts"), rs.getString("last_error"),
        rs.getTimestamp("first_failed_at").toInstant(), rs.getTimestamp("gave_up_at").toInstant(),
        rs.getString("resolution"), rs.getString("resolved_by"), instant(rs.getTimestamp("resolved_at")),
        rs.getString("note"), Optional.ofNullable(tasks.get(task)).flatMap(t -> t.describe(instance)));
  }

  private static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
