package dev.sesame.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Runs the durable tasks with db-scheduler on the application's database. Several nodes may run
 * at once: each job is picked by one of them ({@code FOR UPDATE SKIP LOCKED}). A failed job is
 * retried with exponential backoff, or after the delay its target asked for, until
 * the task's maximum attempts (for provisioning {@code sesame.provisioning.max-attempts}); then the task is told it gave up.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);

  @Bean
  Jobs jobs(DataSource dataSource, Clock clock) {
    SchedulerClient client = SchedulerClient.Builder
        .create(new TransactionAwareDataSourceProxy(dataSource))
        .build();
    return new Jobs(client, clock);
  }

  @Bean
  SmartLifecycle jobRunner(
      DataSource dataSource,
      List<DurableTask> tasks,
      List<PeriodicTask> periodic,
      PlatformSettings settings) {
    List<Task<?>> scheduled = tasks.stream()
        .<Task<?>>map(task -> Tasks.oneTime(task.name())
            .onFailure(new Backoff(task, task.firstRetry(), task.maxAttempts()))
            .execute((instance, context) -> {
              try {
                task.run(instance.getId());
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }))
        .toList();
    List<RecurringTask<?>> recurring = periodic.stream()
        .<RecurringTask<?>>map(task -> Tasks.recurring(task.name(), FixedDelay.of(task.every()))
            .execute((instance, context) -> task.run()))
        .toList();
    Scheduler scheduler = Scheduler.create(dataSource, scheduled)
        .startTasks(recurring)
        .threads(settings.jobs().threads())
        .pollingInterval(settings.jobs().pollInterval())
        .pollUsingLockAndFetch(0.5, 3.0)
        .heartbeatInterval(Duration.ofSeconds(10))
        .schedulerName(new SchedulerName.Hostname())
        .shutdownMaxWait(Duration.ofSeconds(10))
        .build();
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        if (settings.jobs().enabled()) {
          scheduler.start();
          running = true;
        } else {
          log.warn("Durable jobs are recorded but not run on this node (sesame.jobs.enabled=false)");
        }
      }

      @Override
      public void stop() {
        if (running) {
          scheduler.stop();
          running = false;
        }
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }

  /** Retries with doubling delays (or the target's own delay), then gives up once. */
  private record Backoff(DurableTask task, Duration first, int maxAttempts) implements FailureHandler<Void> {

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
      int failures = complete.getExecution().consecutiveFailures + 1;
      Throwable cause = complete.getCause().orElse(new IllegalStateException("unknown failure"));
      String id = complete.getExecution().taskInstance.getId();
      if (failures >= maxAttempts) {
        log.warn("Giving up {} {} after {} attempts: {}", task.name(), id, failures, cause.toString());
        task.gaveUp(id, cause);
        operations.stop();
        return;
      }
      Duration delay = first.multipliedBy(1L << Math.min(failures - 1, 16));
      if (cause instanceof DurableTask.RetryLater later) {
        delay = later.after().filter(d -> d.compareTo(first) > 0).orElse(delay);
      }
      Duration capped = delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
      log.info("{} {} failed (attempt {}), retrying in {}: {}", task.name(), id, failures, capped, cause.toString());
      operations.reschedule(complete, complete.getTimeDone().plus(capped));
    }
  }

}
