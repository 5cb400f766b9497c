package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sesame.platform.Jobs;
import dev.sesame.request.FulfilRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sesame stopped between the approval and the provisioning, then started again on the same data:
 * the approved request is carried out once, and a conversation left in the middle continues.
 */
class RestartIT {

  private static final String FIGMA = "cn=figma-users,ou=groups,dc=brightwave,dc=example";
  private static final String JORDAN = "uid=jordan.lee,ou=people,dc=brightwave,dc=example";

  private RunningSesame sesame;

  @BeforeEach
  void startWithoutRunningJobs() {
    sesame = RunningSesame.fresh(Map.of("sesame.jobs.enabled", "false"));
  }

  @AfterEach
  void stop() {
    sesame.close();
  }

  @Test
  void restart_whenStoppedBetweenApprovalAndProvisioning_thenPersonIsAddedExactlyOnce() {
    sesame.chat("jordan.lee", "can I get figma?");
    sesame.chat("jordan.lee", "yes");
    sesame.chat("priya.nair", "approvals");
    assertThat(sesame.chat("priya.nair", "approve 1")).contains("Approved");
    assertThat(sesame.chat("ravi.shah", "need gh access")).contains("Which GitHub access do you need?");

    String id = onlyRequest("jordan.lee").get("id").toString();
    assertThat(onlyRequest("jordan.lee").get("state")).isEqualTo("APPROVED");
    assertThat(sesame.bean(Jobs.class).pending(FulfilRequest.TASK)).isEqualTo(1);
    assertThat(sesame.membersOf(FIGMA)).doesNotContain(JORDAN);

    sesame.restart(Map.of("sesame.jobs.enabled", "true"));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(onlyRequest("jordan.lee").get("state")).isEqualTo("FULFILLED"));
    assertThat(sesame.membersOf(FIGMA)).containsOnlyOnce(JORDAN);
    assertThat(sesame.as("jordan.lee").get("/api/grants").then().statusCode(200).extract().<List<Object>>path("$"))
        .hasSize(1);
    assertThat(sesame.as("sam.patel").queryParam("subject", "request:" + id).queryParam("event", "grant.provisioned")
        .get("/api/audit").then().statusCode(200).extract().<List<Object>>path("$")).hasSize(1);
    assertThat(sesame.bean(Jobs.class).pending(FulfilRequest.TASK)).isZero();
    assertThat(sesame.notices("jordan.lee")).filteredOn(n -> n.startsWith("You now have access to **Figma**")).hasSize(1);

    assertThat(sesame.chat("ravi.shah", "2")).contains("**Write** role").contains("(yes/no)");
  }

  @Test
  void restart_whenTheDirectoryWasChangedBeforeTheCrash_thenTheRetryConvergesWithoutDoubling() {
    sesame.chat("jordan.lee", "can I get figma?");
    sesame.chat("jordan.lee", "yes");
    sesame.chat("priya.nair", "approve 1");
    // As if the first attempt had added Jordan and the node died before recording it.
    sesame.bean(dev.sesame.provisioning.ProvisioningSystems.class)
        .connector(dev.sesame.provisioning.ProvisioningSystems.DEFAULT).orElseThrow()
        .addMember(sesame.bean(dev.sesame.directory.Directory.class)
            .find(new dev.sesame.directory.PersonId("jordan.lee")).orElseThrow(),
            new dev.sesame.provisioning.GroupExternalId(FIGMA));

    sesame.restart(Map.of("sesame.jobs.enabled", "true"));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(onlyRequest("jordan.lee").get("state")).isEqualTo("FULFILLED"));
    assertThat(sesame.membersOf(FIGMA)).containsOnlyOnce(JORDAN);
    assertThat(sesame.as("jordan.lee").get("/api/grants").then().extract().<List<Object>>path("$")).hasSize(1);
    List<Map<String, String>> history = sesame.as("jordan.lee").get("/api/requests").then().extract().path("[0].history");
    assertThat(history).anyMatch(h -> h.get("text").startsWith("was already a member of " + FIGMA));
  }

  private Map<String, Object> onlyRequest(String login) {
    List<Map<String, Object>> requests = sesame.as(login).get("/api/requests").then().statusCode(200).extract().path("$");
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }
}
