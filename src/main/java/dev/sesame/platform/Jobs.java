package dev.sesame.platform;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Duration;

/**
 * Schedules durable work. Scheduling joins the caller's transaction, so the work exists exactly
 * when the state change that asked for it was committed. Scheduling the same instance twice
 * leaves one job.
 */
public class Jobs {

  private final SchedulerClient client;
  private final Clock clock;

  Jobs(SchedulerClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Runs {@code task} for {@code instanceId} as soon as possible, unless it is already waiting. */
  public void schedule(String task, String instanceId) {
    schedule(task, instanceId, Duration.ZERO);
  }

  /** Runs {@code task} for {@code instanceId} after {@code delay}, unless it is already waiting. */
  public void schedule(String task, String instanceId, Duration delay) {
    client.scheduleIfNotExists(
        TaskDescriptor.of(task).instance(instanceId).scheduledTo(clock.instant().plus(delay)));
  }

  /**
   * True while a node runs the job of {@code task} for {@code instanceId} (it picked it and has not
   * finished); false when the job waits for its time or a retry, or does not exist.
   */
  public boolean running(String task, String instanceId) {
    return client.getScheduledExecution(TaskInstanceId.of(task, instanceId))
        .map(com.github.kagkarlsson.scheduler.ScheduledExecution::isPicked).orElse(false);
  }

  /** The number of jobs of {@code task} that are waiting or running. */
  public int pending(String task) {
    return client.getScheduledExecutionsForTask(task).size();
  }
}
