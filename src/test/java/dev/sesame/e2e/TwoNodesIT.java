package dev.sesame.e2e;

import static dev.sesame.e2e.QueueNodes.GROUPS;
import static dev.sesame.e2e.QueueNodes.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two Sesame nodes on one PostgreSQL and one directory, started together on an empty database,
 * share 500 approved requests (250 people each for two apps, submitted to either node): each
 * request is provisioned exactly once — exactly 500 accepted adds in the directory, no pair twice —
 * with one grant each; the catalog is seeded once; neither node serves a directory of its own.
 */
class TwoNodesIT {

  private static final int PER_APP = 250;
  private static final List<String> APPS = List.of("Two Node Alpha", "Two Node Beta");
  private static final List<String> GROUP_CNS = List.of("two-node-alpha", "two-node-beta");

  @Test
  void twoNodes_whenSharingFiveHundredRequests_thenEachIsProvisionedExactlyOnce() throws Exception {
    List<String> people = QueueNodes.people();
    assertThat(people.size()).isGreaterThanOrEqualTo(PER_APP);
    try (DebianPostgres postgres = DebianPostgres.start(); ScriptedDirectory directory = ScriptedDirectory.start()) {
      Map<String, String> settings = QueueNodes.settings(postgres, directory);
      SesameProcess one = SesameProcess.launch("node-1", settings);
      SesameProcess two = SesameProcess.launch("node-2", settings);
      try (one; two) {
        one.awaitReady();
        two.awaitReady();
        long seeded = count(postgres, "select count(*) from catalog_app");
        assertThat(seeded).isPositive();
        assertThat(count(postgres, "select count(*) from audit_event where event = 'catalog.changed'")).isEqualTo(seeded);
        assertThat(count(postgres, "select count(*) from provisioning_system")).isEqualTo(1);

        for (int a = 0; a < APPS.size(); a++) {
          QueueNodes.groupApp(one, directory, APPS.get(a), GROUP_CNS.get(a));
        }
        // Alpha goes to the first 250 people, Beta to the last 250; the nodes take turns.
        int offset = people.size() - PER_APP;
        QueueNodes.submit(2 * PER_APP, i -> i % 2 == 0 ? one : two,
            i -> i < PER_APP ? people.get(i) : people.get(offset + i - PER_APP), i -> APPS.get(i / PER_APP));

        await().atMost(Duration.ofSeconds(120)).until(() ->
            count(postgres, "select count(*) from access_request where state = 'FULFILLED'") == 2L * PER_APP);
        System.out.printf("Two nodes: %d requests, %d modify requests, %d accepted adds%n", 2 * PER_APP,
            directory.modifyRequests(), directory.changes().size());

        assertThat(count(postgres, "select count(*) from access_request where state <> 'FULFILLED'")).isZero();
        assertThat(count(postgres, "select count(*) from access_grant")).isEqualTo(2L * PER_APP);
        assertThat(count(postgres, "select count(distinct request_id) from access_grant")).isEqualTo(2L * PER_APP);
        assertThat(count(postgres, "select count(*) from audit_event where event = 'grant.provisioned'"))
            .isEqualTo(2L * PER_APP);
        assertThat(directory.changes()).hasSize(2 * PER_APP).allMatch(c -> c.kind().equals("add"));
        Set<String> pairs = directory.changes().stream()
            .map(c -> (c.group() + "|" + c.member()).toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
        assertThat(pairs).hasSize(2 * PER_APP);
        for (String cn : GROUP_CNS) {
          assertThat(QueueNodes.members(directory, cn)).hasSize(PER_APP).doesNotHaveDuplicates();
          assertThat(directory.changes()).filteredOn(c -> c.group().equalsIgnoreCase("cn=" + cn + GROUPS))
              .hasSize(PER_APP);
        }
        for (SesameProcess node : List.of(one, two)) {
          assertThat(Files.readString(node.log())).doesNotContain("Embedded directory listening");
        }
      }
    }
  }
}
