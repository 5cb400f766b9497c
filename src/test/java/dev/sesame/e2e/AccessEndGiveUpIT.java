package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.ResultCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A removal that keeps failing: after the last attempt the grant stays ENDING with the error
 * visible, the catalog admins are alerted in chat and the person told it takes longer; asking
 * again queues a new attempt, which removes the access.
 */
class AccessEndGiveUpIT {

  private static final String PEOPLE = ",ou=people,dc=brightwave,dc=example";
  private static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  private static final String ADMIN = "sam.patel";

  private static ScriptedDirectory directory;
  private static RunningSesame sesame;

  @BeforeAll
  static void start() {
    directory = ScriptedDirectory.start();
    Map<String, String> properties = new LinkedHashMap<>(directory.properties());
    properties.put("sesame.provisioning.max-attempts", "2");
    sesame = RunningSesame.fresh(properties);
  }

  @AfterAll
  static void stop() {
    sesame.close();
    directory.close();
  }

  @Test
  void removal_whenEveryAttemptFails_thenStillEndingWithTheErrorAdminsAlertedAndAskingAgainRemoves() {
    String group = "cn=netsuite-administrator" + GROUPS;
    String person = "karthik.subramanian";
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", "Stubborn Tool");
    entry.put("accessRule", "true");
    entry.put("approvalFlow", "AUTO_APPROVE");
    entry.put("strategy", Map.of("type", "GROUP", "system", "corp-ldap", "externalId", group));
    new CatalogApi(sesame, ADMIN).create("for a test", entry).then().statusCode(201);
    String id = sesame.as(person).body(Map.of("app", "Stubborn Tool")).post("/api/requests")
        .then().statusCode(201).extract().path("request.id");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(grant(person, id)).isNotNull());
    Object grantId = grant(person, id).get("id");

    directory.refuseNextModifies(2, ResultCode.UNWILLING_TO_PERFORM);
    sesame.as(person).body(Map.of()).post("/api/grants/{id}/revoke", grantId).then().statusCode(202);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(sesame.notices(ADMIN)).anyMatch(n -> n.startsWith("I could not remove **") && n.contains("Stubborn Tool")));
    Map<String, Object> stuck = grant(person, id);
    assertThat(stuck.get("state")).isEqualTo("ENDING");
    assertThat((String) stuck.get("endError")).contains("failed too often");
    assertThat(sesame.membersOf(group)).contains("uid=" + person + PEOPLE);
    assertThat(sesame.notices(person)).anyMatch(n -> n.contains("taking longer than it should"));
    assertThat(sesame.as(ADMIN).queryParam("subject", "request:" + id).queryParam("event", "grant.end-failed")
        .get("/api/audit").then().extract().<List<Object>>path("$")).hasSize(1);

    sesame.as(person).body(Map.of()).post("/api/grants/{id}/revoke", grantId).then().statusCode(202);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(grant(person, id).get("state")).isEqualTo("ENDED"));
    assertThat(sesame.membersOf(group)).doesNotContain("uid=" + person + PEOPLE);
  }

  @Test
  void failedRemoval_whenAnAdminGivesItUpOnTheFailedJobsList_thenTheAccessIsNoLongerManagedAndNothingIsLeftListed() {
    String group = "cn=netsuite-accountant" + GROUPS;
    String person = "ingrid.solberg";
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", "Sticky Tool");
    entry.put("accessRule", "true");
    entry.put("approvalFlow", "AUTO_APPROVE");
    entry.put("strategy", Map.of("type", "GROUP", "system", "corp-ldap", "externalId", group));
    new CatalogApi(sesame, ADMIN).create("for a test", entry).then().statusCode(201);
    String id = sesame.as(person).body(Map.of("app", "Sticky Tool")).post("/api/requests")
        .then().statusCode(201).extract().path("request.id");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(grant(person, id)).isNotNull());
    Object grantId = grant(person, id).get("id");

    directory.refuseNextModifies(2, ResultCode.UNWILLING_TO_PERFORM);
    sesame.as(person).body(Map.of()).post("/api/grants/{id}/revoke", grantId).then().statusCode(202);

    Map<String, Object> dead = await().atMost(Duration.ofSeconds(60)).until(() -> deadJobs().stream()
        .filter(j -> String.valueOf(grantId).equals(j.get("instance"))).findFirst(), java.util.Optional::isPresent)
        .orElseThrow();
    assertThat(dead.get("task")).isEqualTo("end-grant");
    assertThat((String) dead.get("title")).contains("Sticky Tool").contains(person);
    assertThat(dead.get("link")).isEqualTo("/admin/requests/" + id);

    sesame.as(ADMIN).body(Map.of("note", "removed by hand in the directory console"))
        .post("/api/jobs/dead/{id}/give-up", dead.get("id")).then().statusCode(200);

    assertThat(grant(person, id).get("state")).isEqualTo("UNMANAGED");
    assertThat(deadJobs()).noneMatch(j -> dead.get("id").equals(j.get("id")));
    assertThat(sesame.as(ADMIN).queryParam("subject", "request:" + id).queryParam("event", "grant.unmanaged")
        .get("/api/audit").then().extract().<List<Map<String, Object>>>path("$"))
        .singleElement().satisfies(e -> assertThat(e.get("actor")).isEqualTo(ADMIN));
    sesame.as(ADMIN).post("/api/jobs/dead/{id}/retry", dead.get("id")).then().statusCode(409);
  }

  private static List<Map<String, Object>> deadJobs() {
    return sesame.as(ADMIN).get("/api/jobs/dead").then().statusCode(200).extract().path("$");
  }

  private static Map<String, Object> grant(String person, String requestId) {
    List<Map<String, Object>> grants = sesame.as(person).get("/api/grants").then().statusCode(200).extract().path("$");
    return grants.stream().filter(g -> requestId.equals(g.get("request"))).findFirst().orElse(null);
  }
}
