package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.ResultCode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sesame on a company directory it does not run itself: people sign in against it, and access is
 * added to it through the provisioning system that follows it. A busy directory is retried.
 */
class ExternalDirectoryIT {

  private static final String NOTION = "cn=notion-users,ou=groups,dc=brightwave,dc=example";

  private static ScriptedDirectory directory;
  private static RunningSesame sesame;

  @BeforeAll
  static void start() {
    directory = ScriptedDirectory.start();
    sesame = RunningSesame.fresh(directory.properties());
  }

  @AfterAll
  static void stop() {
    sesame.close();
    directory.close();
  }

  @Test
  void request_whenDirectoryIsBusyOnce_thenMemberIsAddedOnceInTheExternalDirectory() {
    String person = "uid=joao.monteiro,ou=people,dc=brightwave,dc=example";
    directory.refuseNextModifies(1, ResultCode.BUSY);

    sesame.as("joao.monteiro").body(Map.of("app", "Notion")).post("/api/requests").then().statusCode(201);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(sesame.as("joao.monteiro").get("/api/requests").then().extract().<String>path("[0].state"))
            .isEqualTo("FULFILLED"));
    assertThat(directory.count("add", person)).isEqualTo(1);
    assertThat(sesame.membersOf(NOTION)).containsOnlyOnce(person);
  }
}
