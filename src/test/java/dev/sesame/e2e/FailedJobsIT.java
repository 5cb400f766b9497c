package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.ResultCode;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The provisioning queue when the directory keeps failing: the person is told once that it takes
 * longer, the job gives up onto the dead-letter list after the configured attempts, and a catalog
 * admin retries it (the person is added once) or gives it up with a note (the person is told IT
 * will handle it). Three attempts, one-second delays.
 */
class FailedJobsIT {

  private static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  private static final String PEOPLE = ",ou=people,dc=brightwave,dc=example";
  private static final String ADMIN = "sam.patel";
  private static final String SLOW = "darragh.kavanagh";
  private static final String REFUSED = "kwaku.antwi";

  private static ScriptedDirectory directory;
  private static RunningSesame sesame;

  @BeforeAll
  static void start() throws Exception {
    directory = ScriptedDirectory.start();
    Map<String, String> properties = new LinkedHashMap<>(directory.properties());
    properties.put("sesame.provisioning.max-attempts", "3");
    properties.put("sesame.provisioning.max-delay", "1s");
    properties.put("sesame.provisioning.tell-after-attempts", "2");
    sesame = RunningSesame.fresh(properties);
    directory.server().add("dn: cn=queue-tool" + GROUPS, "objectClass: groupOfNames", "cn: queue-tool");
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", "Queue Tool");
    entry.put("accessRule", "true");
    entry.put("appAdmins", List.of());
    entry.put("approvalFlow", "AUTO_APPROVE");
    entry.put("strategy", Map.of("type", "GROUP", "system", "corp-ldap", "externalId", "cn=queue-tool" + GROUPS));
    new CatalogApi(sesame, ADMIN).create("for a test", entry).then().statusCode(201);
  }

  @AfterAll
  static void stop() {
    sesame.close();
    directory.close();
  }

  @Test
  void failingDirectory_whenTheJobGivesUpAndAnAdminRetries_thenAddedOnceAndEachNoticeSentOnce() {
    // Three refusals give up the first run; two more fail the retried job twice before it works.
    directory.refuseNextModifies(5, ResultCode.BUSY);
    String id = submit(SLOW);

    Map<String, Object> dead = awaitDeadJob(id);
    assertThat(request(id).get("state")).isEqualTo("NEEDS_ATTENTION");
    assertThat(dead.get("attempts")).isEqualTo(3);
    assertThat(dead.get("person")).isEqualTo(SLOW);
    assertThat(dead.get("app")).isEqualTo("Queue Tool");
    assertThat((String) dead.get("system")).isEqualTo("corp-ldap: cn=queue-tool" + GROUPS);
    assertThat((String) dead.get("error")).contains("corp-ldap").contains("busy");
    assertThat(directory.count("add", "uid=" + SLOW + PEOPLE)).isZero();

    retry(ADMIN, dead).then().statusCode(200);
    retry(ADMIN, dead).then().statusCode(409);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(request(id).get("state")).isEqualTo("FULFILLED"));
    assertThat(directory.count("add", "uid=" + SLOW + PEOPLE)).isEqualTo(1);
    assertThat(deadJobs()).noneMatch(j -> id.equals(j.get("instance")));

    List<String> notices = sesame.notices(SLOW);
    assertThat(notices).filteredOn(n -> n.contains("is taking longer than usual. IT has been told")).hasSize(1);
    assertThat(notices).filteredOn(n -> n.startsWith("I couldn't finish setting up **Queue Tool**")).hasSize(1);
    assertThat(notices).filteredOn(n -> n.contains("asked me to try setting up **Queue Tool** again")).hasSize(1);
    assertThat(notices).filteredOn(n -> n.startsWith("You now have access to **Queue Tool**")).hasSize(1);
    assertThat(sesame.notices(ADMIN)).filteredOn(n -> n.contains("is taking longer than usual")
        && n.contains("Darragh")).hasSize(1);
    assertThat(audit(id, "job.gave-up")).singleElement()
        .satisfies(e -> assertThat(e.get("actor")).isEqualTo("sesame"));
    assertThat(audit(id, "job.retried")).singleElement()
        .satisfies(e -> assertThat(e.get("actor")).isEqualTo(ADMIN));
    assertThat(audit(id, "grant.provisioned")).hasSize(1);
  }

  @Test
  void refusedChange_whenAnAdminGivesUpInTheConsole_thenClosedWithTheNoteAndThePersonIsTold() {
    // A refusal for good (no permission) goes to the list at once: retrying the same write cannot help.
    directory.refuseNextModifies(1, ResultCode.INSUFFICIENT_ACCESS_RIGHTS);
    String id = submit(REFUSED);
    Map<String, Object> dead = awaitDeadJob(id);
    assertThat(dead.get("attempts")).isEqualTo(1);
    assertThat((String) dead.get("error")).contains("cn=queue-tool").contains("insufficient access rights");

    sesame.as("eleanor.taylor").get("/api/jobs/dead").then().statusCode(403);
    retry("eleanor.taylor", dead).then().statusCode(403);
    sesame.as(ADMIN).body(Map.of("note", " ")).post("/api/jobs/dead/{id}/give-up", dead.get("id"))
        .then().statusCode(400);
    assertThat(request(id).get("state")).isEqualTo("NEEDS_ATTENTION");

    try (Browser browser = new Browser(sesame)) {
      browser.size(1400, 900);
      browser.signIn(ADMIN);
      browser.open("/admin/jobs");
      By row = By.cssSelector("tr[data-job='" + dead.get("id") + "']");
      browser.waitForText(row, "Kwaku");
      assertThat(browser.driver().findElement(row).getText()).contains("Queue Tool").contains("insufficient access rights");
      assertThat(browser.driver().findElement(By.cssSelector("nav a.active")).getText()).isEqualTo("Failed Jobs");
      browser.screenshot("failed-jobs");
      browser.type(By.id("note-" + dead.get("id")), "Sam adds you by hand this afternoon");
      browser.driver().findElement(row).findElement(By.cssSelector("form.job-give-up button")).click();
      browser.waitForText(By.cssSelector("p.notice"), "The person was told that IT will handle it");
      browser.screenshot("failed-jobs-given-up");
      assertThat(browser.driver().findElements(row)).isEmpty();
    }

    assertThat(request(id).get("state")).isEqualTo("CLOSED");
    assertThat(sesame.notices(REFUSED)).filteredOn(n -> n.contains("IT will handle it with you directly")
        && n.contains("Sam adds you by hand this afternoon")).hasSize(1);
    assertThat(audit(id, "job.given-up")).singleElement().satisfies(e -> {
      assertThat(e.get("actor")).isEqualTo(ADMIN);
      assertThat(e.toString()).contains("Sam adds you by hand this afternoon");
    });
    retry(ADMIN, dead).then().statusCode(409);
    assertThat(directory.count("add", "uid=" + REFUSED + PEOPLE)).isZero();
  }

  // ---------------------------------------------------------------------------------------------

  private static String submit(String login) {
    return sesame.as(login).body(Map.of("app", "Queue Tool")).post("/api/requests")
        .then().statusCode(201).extract().path("request.id");
  }

  private static Map<String, Object> request(String id) {
    return sesame.as(ADMIN).get("/api/requests/{id}", id).then().statusCode(200).extract().path("$");
  }

  private static List<Map<String, Object>> deadJobs() {
    return sesame.as(ADMIN).get("/api/jobs/dead").then().statusCode(200).extract().path("$");
  }

  private static Map<String, Object> awaitDeadJob(String id) {
    return await().atMost(Duration.ofSeconds(60)).until(
        () -> deadJobs().stream().filter(j -> id.equals(j.get("instance"))).findFirst(), java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static Response retry(String login, Map<String, Object> job) {
    return sesame.as(login).post("/api/jobs/dead/{id}/retry", job.get("id"));
  }

  private static List<Map<String, Object>> audit(String id, String event) {
    return sesame.as(ADMIN).queryParam("subject", "request:" + id).queryParam("event", event)
        .get("/api/audit").then().statusCode(200).extract().path("$");
  }
}
