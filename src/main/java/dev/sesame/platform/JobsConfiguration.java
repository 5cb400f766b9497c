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
import dev.sesame.common.Texts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the durable tasks with db-scheduler on the application's database. Several nodes may run
 * at once: each job is picked by one of them ({@code FOR UPDATE SKIP LOCKED}). A failed job is
 * retried with exponential backoff, or after the longer delay its target asked for, capped by the
 * task's longest delay, until the task's maximum attempts (for provisioning
 * {@code sesame.provisioning.max-attempts}); then it goes to the dead-letter list ({@link DeadJobs})
 * and the task is told it gave up, in one transaction. A node that dies while running a job leaves
 * it picked; after six missed heartbeats ({@code sesame.jobs.heartbeat}) another node, or the same
 * one restarted, runs it again, so every task must be safe to run twice.
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
      PlatformSettings settings,
      DeadJobs deadJobs,
      PlatformTransactionManager transactionManager) {
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    List<Task<?>> scheduled = tasks.stream()
        .<Task<?>>map(task -> Tasks.oneTime(task.name())
            .onFailure(new Failures(task, Backoff.of(task), deadJobs, transactions))
            .execute((instance, context) -> {
              try {
                task.run(instance.getId());
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              deadJobs.succeeded(task.name(), instance.getId());
            }))
        .toList();
    List<RecurringTask<?>> recurring = periodic.stream()
        .<RecurringTask<?>>map(task -> Tasks.recurring(task.name(), FixedDelay.of(task.every()))
            .execute((instance, context) -> task.run()))
        .toList();
    // NB. The scheduler's own writes (reschedule, remove) join a Spring transaction when one is
    // open: the failure handler removes a job and puts it on the dead-letter list in one.
    Scheduler scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), scheduled)
        .startTasks(recurring)
        .threads(settings.jobs().threads())
        .pollingInterval(settings.jobs().pollInterval())
        .pollUsingLockAndFetch(0.5, 3.0)
        .heartbeatInterval(settings.jobs().heartbeat())
        .schedulerName(new SchedulerName.Fixed(nodeName()))
        .shutdownMaxWait(Duration.ofSeconds(10))
        // The failure handler logs each failure once, in words; no stack trace for a busy target.
        .failureLogging(com.github.kagkarlsson.scheduler.logging.LogLevel.DEBUG, false)
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

  /** The host name and process id: two nodes on one host are told apart in {@code picked_by}. */
  private static String nodeName() {
    String host = new SchedulerName.Hostname().getName();
    return host + "-" + ProcessHandle.current().pid();
  }

  /**
   * After a failed run: retries as {@link Backoff} says, telling the task and counting the failure;
   * or gives up, putting the job on the dead-letter list, telling the task and removing the job, all
   * in one transaction, so that a crash in between leaves the job to run (and fail) once more.
   */
  private record Failures(DurableTask task, Backoff backoff, DeadJobs deadJobs, TransactionTemplate transactions)
      implements FailureHandler<Void> {

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
      int failures = complete.getExecution().consecutiveFailures + 1;
      Throwable cause = complete.getCause().orElse(new IllegalStateException("unknown failure"));
      String id = complete.getExecution().taskInstance.getId();
      Optional<Duration> next = backoff.next(failures, cause);
      if (next.isEmpty()) {
        log.warn("Giving up {} {} after {} attempts: {}", task.name(), id, failures, Texts.maskSecrets(cause.toString()));
        transactions.executeWithoutResult(status -> {
          deadJobs.gaveUp(task.name(), id, failures, cause);
          task.gaveUp(id, cause);
          operations.stop();
        });
        return;
      }
      log.info("{} {} failed (attempt {}), retrying in {}: {}", task.name(), id, failures, next.get(), Texts.maskSecrets(cause.toString()));
      transactions.executeWithoutResult(status -> {
        deadJobs.failed(task.name(), id, failures, cause);
        task.failed(id, failures, cause);
        operations.reschedule(complete, complete.getTimeDone().plus(next.get()));
      });
    }
  }
}
