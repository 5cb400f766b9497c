package dev.sesame.e2e;

import static dev.sesame.e2e.QueueNodes.GROUPS;
import static dev.sesame.e2e.QueueNodes.PEOPLE;
import static dev.sesame.e2e.QueueNodes.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Sesame killed with SIGKILL in the middle of provisioning 200 approved requests, then started
 * again on the same database and directory: every person is added exactly once (one accepted add
 * in the directory, one grant, one "you now have access" notice) and every request is fulfilled.
 *
 * <p>A job that was in flight when the process died was picked and stays picked: after six missed
 * heartbeats (one second each here) the restarted node runs it again. If the directory had already
 * applied its add, the second attempt is answered "already a member", which is a modify request
 * but no second change.
 */
class CrashIT {

  private static final String APP = "Crash Tool";
  private static final String CN = "crash-tool";
  private static final int REQUESTS = 200;

  @Test
  void crash_whenKilledWhileProvisioning_thenEveryPersonIsAddedExactlyOnceAfterTheRestart() throws Exception {
    List<String> people = QueueNodes.people().subList(0, REQUESTS);
    try (DebianPostgres postgres = DebianPostgres.start(); ScriptedDirectory directory = ScriptedDirectory.start()) {
      Map<String, String> settings = QueueNodes.settings(postgres, directory);
      SesameProcess first = SesameProcess.start("crash-1", with(settings, "sesame.jobs.threads", "1"));
      try {
        QueueNodes.groupApp(first, directory, APP, CN);
        // The directory stalls while the requests come in, then answers slowly: the kill lands mid-way.
        directory.holdModifies();
        QueueNodes.submit(REQUESTS, i -> first, people::get, i -> APP);
        assertThat(count(postgres, "select count(*) from access_request where app_name = ?", APP)).isEqualTo(REQUESTS);
        directory.delayModifies(Duration.ofMillis(20));
        directory.releaseModifies();
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.changes().size() >= REQUESTS / 5);
      } finally {
        first.kill();
      }
      long fulfilledAtTheCrash = fulfilled(postgres);
      assertThat(fulfilledAtTheCrash).as("killed in the middle of provisioning").isBetween(1L, REQUESTS - 1L);
      directory.delayModifies(Duration.ZERO);

      try (SesameProcess second = SesameProcess.start("crash-2", settings)) {
        await().atMost(Duration.ofSeconds(120)).until(() -> fulfilled(postgres) == REQUESTS);
        System.out.printf("Crash: %d of %d fulfilled when killed; %d modify requests, %d accepted adds%n",
            fulfilledAtTheCrash, REQUESTS, directory.modifyRequests(), directory.changes().size());
        assertThat(count(postgres, "select count(*) from access_request where app_name = ? and state <> 'FULFILLED'",
            APP)).isZero();
        assertThat(count(postgres, "select count(*) from access_grant where app_key = ?", "crash tool"))
            .isEqualTo(REQUESTS);
        assertThat(count(postgres, "select count(distinct person) from access_grant where app_key = ?", "crash tool"))
            .isEqualTo(REQUESTS);
        assertThat(count(postgres, "select count(*) from audit_event where event = 'grant.provisioned'"))
            .isEqualTo(REQUESTS);
        assertThat(count(postgres, "select count(*) from scheduled_tasks where task_name = 'fulfil-request'")).isZero();
        assertThat(count(postgres, "select count(*) from dead_job where gave_up_at is not null")).isZero();
        assertThat(count(postgres, "select count(*) from (select person from chat_message where body like ?"
            + " group by person having count(*) = 1) once", "You now have access to **" + APP + "**%"))
            .isEqualTo(REQUESTS);

        Map<String, Long> adds = directory.changes().stream()
            .filter(c -> c.kind().equals("add") && c.group().equalsIgnoreCase("cn=" + CN + GROUPS))
            .collect(Collectors.groupingBy(c -> c.member().toLowerCase(java.util.Locale.ROOT), Collectors.counting()));
        assertThat(adds).hasSize(REQUESTS).allSatisfy((member, times) -> assertThat(times).as(member).isEqualTo(1L));
        assertThat(adds.keySet()).containsExactlyInAnyOrderElementsOf(
            people.stream().map(p -> "uid=" + p + PEOPLE).toList());
        assertThat(QueueNodes.members(directory, CN)).hasSize(REQUESTS).doesNotHaveDuplicates();
      }
    }
  }

  private static long fulfilled(DebianPostgres postgres) {
    return count(postgres, "select count(*) from access_request where app_name = ? and state = 'FULFILLED'", APP);
  }

  private static Map<String, String> with(Map<String, String> settings, String key, String value) {
    Map<String, String> out = new java.util.LinkedHashMap<>(settings);
    out.put(key, value);
    return out;
  }
}
