package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.ResultCode;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access that ends, on the real pieces with a directory the test controls: the planned end with a
 * removal that fails before it works, end dates said in chat, "remove my access", revoke by admins,
 * renewals, and refused end dates.
 */
class AccessEndIT {

  private static final String PEOPLE = ",ou=people,dc=brightwave,dc=example";
  private static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  private static final String ADMIN = "sam.patel";

  private static ScriptedDirectory directory;
  private static RunningSesame sesame;

  @BeforeAll
  static void start() {
    directory = ScriptedDirectory.start();
    Map<String, String> properties = new LinkedHashMap<>(directory.properties());
    properties.put("sesame.access.sweep-every", "1s");
    sesame = RunningSesame.fresh(properties);
  }

  @AfterAll
  static void stop() {
    sesame.close();
    directory.close();
  }

  @Test
  void expiry_whenRemovalFailsTwiceThenWorks_thenEndedOnlyAfterTheDirectoryConfirmsAndTheFailuresAreAudited() {
    String group = "cn=datadog-admin" + GROUPS;
    String person = "max.dawson";
    app("Expiring Tool", "AUTO_APPROVE", List.of(), group, Map.of("mode", "OPTIONAL", "max", "P30D"));
    String id = sesame.as(person).body(Map.of("app", "Expiring Tool", "until", Instant.now().plusSeconds(60).toString()))
        .post("/api/requests").then().statusCode(201).extract().path("request.id");
    awaitState(person, id, "FULFILLED");
    Map<String, Object> grant = grantOf(person, id);
    assertThat(grant.get("state")).isEqualTo("ACTIVE");
    assertThat(grant.get("endsAt")).isNotNull();
    assertThat(sesame.membersOf(group)).contains("uid=" + person + PEOPLE);

    directory.refuseNextModifies(2, ResultCode.UNWILLING_TO_PERFORM);

    await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
        assertThat(steps(id, "remove-failed")).isNotEmpty());
    assertThat(grantOf(person, id).get("state")).isEqualTo("ENDING");
    assertThat(grantOf(person, id).get("endError")).isNotNull();
    assertThat(sesame.membersOf(group)).contains("uid=" + person + PEOPLE);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(grantOf(person, id).get("state")).isEqualTo("ENDED"));
    assertThat(sesame.membersOf(group)).doesNotContain("uid=" + person + PEOPLE);
    assertThat(steps(id, "remove-failed")).hasSize(2);
    assertThat(steps(id, "removed")).hasSize(1);
    assertThat(audit(id, "grant.end-requested")).singleElement()
        .satisfies(e -> assertThat(e.get("actor")).isEqualTo("sesame"));
    assertThat(audit(id, "grant.ended")).hasSize(1);
    Map<String, Object> ended = grantOf(person, id);
    assertThat(ended.get("endedBy")).isEqualTo("sesame");
    assertThat(ended.get("endError")).isNull();
    assertThat(sesame.notices(person)).filteredOn(n -> n.contains("no longer have access to **Expiring Tool**"))
        .hasSize(1);
    // A one-minute grant is reminded halfway through, once.
    assertThat(sesame.notices(person)).filteredOn(n -> n.startsWith("Your access to **Expiring Tool** ends on"))
        .hasSize(1);
  }

  @Test
  void chat_whenForTwoWeeksOrUntilFriday_thenTheGrantEndsThen() {
    app("Fortnight Tool", "AUTO_APPROVE", List.of(), "cn=tableau-users" + GROUPS, Map.of("mode", "OPTIONAL", "max", "P30D"));
    app("Friday Tool", "AUTO_APPROVE", List.of(), "cn=gong-users" + GROUPS, Map.of("mode", "REQUIRED", "max", "P14D"));

    Instant before = Instant.now();
    assertThat(sesame.chat("anjali.gupta", "can I get fortnight tool for 2 weeks?")).contains("until");
    assertThat(sesame.chat("anjali.gupta", "yes")).contains("Fortnight Tool");
    Instant after = Instant.now();
    String fortnight = sesame.as("anjali.gupta").get("/api/requests").then().extract().path("[0].id");
    awaitState("anjali.gupta", fortnight, "FULFILLED");
    Instant endsAt = Instant.parse((String) grantOf("anjali.gupta", fortnight).get("endsAt"));
    assertThat(endsAt).isBetween(before.plus(Duration.ofDays(14)).minusSeconds(60),
        after.plus(Duration.ofDays(14)).plusSeconds(60));

    // The app needs an end date: the assistant asks for it.
    assertThat(sesame.chat("ishita.mishra", "can I get friday tool?")).contains("Until when do you need it?");
    assertThat(sesame.chat("ishita.mishra", "until Friday")).contains("Shall I go ahead?");
    sesame.chat("ishita.mishra", "yes");
    String friday = sesame.as("ishita.mishra").get("/api/requests").then().extract().path("[0].id");
    awaitState("ishita.mishra", friday, "FULFILLED");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate nextFriday = today.plusDays(today.getDayOfWeek() == DayOfWeek.FRIDAY ? 7
        : (DayOfWeek.FRIDAY.getValue() - today.getDayOfWeek().getValue() + 7) % 7);
    assertThat(grantOf("ishita.mishra", friday).get("endsAt").toString())
        .startsWith(nextFriday + "T23:59:59");
  }

  @Test
  void chat_whenRemoveMyAccess_thenRemovedFromTheDirectoryEndedAndToldOnce() {
    String group = "cn=hubspot-users" + GROUPS;
    String person = "suresh.murthy";
    app("Removable Tool", "AUTO_APPROVE", List.of(), group, null);
    String id = submit(person, "Removable Tool", null);
    awaitState(person, id, "FULFILLED");
    assertThat(sesame.membersOf(group)).contains("uid=" + person + PEOPLE);

    assertThat(sesame.chat(person, "remove my access to removable tool")).contains("Shall I remove your access");
    assertThat(sesame.chat(person, "yes")).contains("removing you from **Removable Tool** now");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(grantOf(person, id).get("state")).isEqualTo("ENDED"));
    assertThat(sesame.membersOf(group)).doesNotContain("uid=" + person + PEOPLE);
    assertThat(grantOf(person, id).get("endedBy")).isEqualTo(person);
    assertThat(sesame.notices(person)).filteredOn(n -> n.startsWith("Done: you no longer have access")).hasSize(1);
    assertThat(sesame.chat(person, "remove my access to removable tool")).contains("nothing for me to remove");
  }

  @Test
  void revoke_whenAdminWithoutReasonOrSomeoneElse_thenRefusedAndTheAppAdminRemoves() {
    String group = "cn=zendesk-light-agent" + GROUPS;
    String person = "sahana.varma";
    String appAdmin = "karthik.subramanian";
    app("Revocable Tool", "AUTO_APPROVE", List.of(appAdmin), group, null);
    String id = submit(person, "Revocable Tool", null);
    awaitState(person, id, "FULFILLED");
    Object grantId = grantOf(person, id).get("id");

    Response noReason = sesame.as(appAdmin).body(Map.of()).post("/api/grants/{id}/revoke", grantId);
    noReason.then().statusCode(400);
    assertThat(noReason.<String>path("errors[0].field")).isEqualTo("reason");
    sesame.as("harini.naidu").body(Map.of("reason", "tidying up")).post("/api/grants/{id}/revoke", grantId)
        .then().statusCode(403);
    sesame.as("harini.naidu").delete("/api/grants/{id}?reason=x", grantId).then().statusCode(403);
    assertThat(grantOf(person, id).get("state")).isEqualTo("ACTIVE");
    assertThat(sesame.as(appAdmin).queryParam("app", "Revocable Tool").get("/api/grants").then().statusCode(200)
        .extract().<List<Integer>>path("id")).contains((Integer) grantId);
    sesame.as("harini.naidu").queryParam("app", "Revocable Tool").get("/api/grants").then().statusCode(403);

    sesame.as(appAdmin).body(Map.of("reason", "left the support rota")).post("/api/grants/{id}/revoke", grantId)
        .then().statusCode(202);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(grantOf(person, id).get("state")).isEqualTo("ENDED"));
    assertThat(sesame.membersOf(group)).doesNotContain("uid=" + person + PEOPLE);
    assertThat(grantOf(person, id).get("endReason")).isEqualTo("left the support rota");
    assertThat(sesame.notices(person)).anyMatch(n -> n.contains("is removing your access to **Revocable Tool**: "
        + "left the support rota"));
    assertThat(sesame.notices(appAdmin)).anyMatch(n -> n.contains("no longer has access to **Revocable Tool**"));
    sesame.as(appAdmin).body(Map.of("reason", "again")).post("/api/grants/{id}/revoke", grantId)
        .then().statusCode(409);
  }

  @Test
  void console_whenAdminRemovesAccessFromTheRequestPage_thenAReasonIsNeededAndThePageShowsItEnded() {
    String group = "cn=pagerduty-manager" + GROUPS;
    String person = "rahul.verma";
    app("Console Tool", "AUTO_APPROVE", List.of(), group, Map.of("mode", "OPTIONAL", "max", "P30D"));
    String id = submit(person, "Console Tool", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString());
    awaitState(person, id, "FULFILLED");

    try (Browser browser = new Browser(sesame)) {
      browser.signIn(ADMIN);
      browser.waitFor(org.openqa.selenium.By.id("message"));
      browser.open("/admin/requests/" + id);
      assertThat(browser.waitFor(org.openqa.selenium.By.id("grant-state")).getText()).isEqualTo("Active");
      assertThat(browser.driver().findElement(org.openqa.selenium.By.id("grant-ends")).getText())
          .contains(LocalDate.now(ZoneOffset.UTC).plusDays(20).getYear() + ", 23:59 UTC");
      browser.screenshot("console-request-access");

      browser.driver().findElement(org.openqa.selenium.By.cssSelector("#revoke-form button")).click();
      assertThat(browser.waitFor(org.openqa.selenium.By.cssSelector(".problem")).getText()).contains("reason");
      assertThat(sesame.membersOf(group)).contains("uid=" + person + PEOPLE);

      browser.type(org.openqa.selenium.By.id("reason"), "moved to another team");
      browser.driver().findElement(org.openqa.selenium.By.cssSelector("#revoke-form button")).click();
      assertThat(browser.waitFor(org.openqa.selenium.By.cssSelector(".notice")).getText()).contains("Removing");
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        browser.open("/admin/requests/" + id);
        assertThat(browser.waitFor(org.openqa.selenium.By.id("grant-state")).getText()).isEqualTo("Ended");
      });
      assertThat(browser.driver().findElement(org.openqa.selenium.By.id("grant")).getText())
          .contains("moved to another team", "by sam.patel");
      assertThat(browser.driver().findElements(org.openqa.selenium.By.id("revoke-form"))).isEmpty();
      browser.screenshot("console-request-access-ended");
    }
    assertThat(sesame.membersOf(group)).doesNotContain("uid=" + person + PEOPLE);
  }

  @Test
  void renewal_whenThePolicyNeedsTheManager_thenApprovedAgainAndTheEndMovesWithOneMemberEntry() {
    String group = "cn=looker-explorer" + GROUPS;
    String person = "anusha.kamath";
    String manager = "deepa.krishnan";
    app("Renewable Tool", "MANAGER", List.of(), group, Map.of("mode", "REQUIRED", "max", "P30D"));
    String first = submit(person, "Renewable Tool", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
    sesame.as(manager).post("/api/requests/{id}/approve", first).then().statusCode(200);
    awaitState(person, first, "FULFILLED");
    Map<String, Object> grant = grantOf(person, first);

    assertThat(sesame.chat(person, "renew renewable tool for 2 weeks")).contains("extend your access")
        .contains("Shall I submit");
    assertThat(sesame.chat(person, "yes")).contains("Request submitted");
    String renewal = sesame.as(person).get("/api/requests").then().extract().path("[0].id");
    assertThat(renewal).isNotEqualTo(first);
    assertThat(request(person, renewal).get("renewsGrant")).isEqualTo(grant.get("id"));
    assertThat(request(person, renewal).get("state")).isEqualTo("PENDING_APPROVAL");
    assertThat(grantOf(person, first).get("endsAt")).isEqualTo(grant.get("endsAt"));

    sesame.as(manager).post("/api/requests/{id}/approve", renewal).then().statusCode(200);
    awaitState(person, renewal, "FULFILLED");

    List<Map<String, Object>> grants = sesame.as(person).get("/api/grants").then().extract().path("$");
    assertThat(grants).hasSize(1);
    Map<String, Object> moved = grants.get(0);
    assertThat(moved.get("id")).isEqualTo(grant.get("id"));
    assertThat(moved.get("state")).isEqualTo("ACTIVE");
    assertThat(Instant.parse((String) moved.get("endsAt")))
        .isAfter(Instant.parse((String) grant.get("endsAt")).plus(Duration.ofDays(10)));
    assertThat(directory.count("add", "uid=" + person + PEOPLE)).isEqualTo(1);
    assertThat(directory.count("delete", "uid=" + person + PEOPLE)).isZero();
    assertThat(sesame.membersOf(group)).containsOnlyOnce("uid=" + person + PEOPLE);
    assertThat(sesame.notices(person)).anyMatch(n -> n.contains("now lasts until"));
  }

  @Test
  void until_whenPastTooFarNotAllowedOrMissing_then400NamingUntilAndNothingCreated() {
    app("Bounded Tool", "AUTO_APPROVE", List.of(), "cn=aws-production" + GROUPS, Map.of("mode", "REQUIRED", "max", "P7D"));
    app("Lasting Tool", "AUTO_APPROVE", List.of(), "cn=salesforce-admin" + GROUPS, null);
    String person = "harpreet.bose";

    for (Map<String, Object> body : List.<Map<String, Object>>of(
        Map.of("app", "Bounded Tool", "until", "2020-01-01"),
        Map.of("app", "Bounded Tool", "until", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()),
        Map.of("app", "Bounded Tool", "until", "next tuesday-ish"),
        Map.of("app", "Bounded Tool"),
        Map.of("app", "Lasting Tool", "until", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()))) {
      Response response = sesame.as(person).body(body).post("/api/requests");
      response.then().statusCode(400);
      assertThat(response.<String>path("errors[0].field")).as(body.toString()).isEqualTo("until");
    }
    assertThat(sesame.as(person).get("/api/requests").then().extract().<List<Object>>path("$")).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  private static void app(String name, String policy, List<String> admins, String groupDn,
      Map<String, Object> duration) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("accessRule", "true");
    entry.put("appAdmins", admins);
    entry.put("approvalFlow", policy);
    entry.put("strategy", Map.of("type", "GROUP", "system", "corp-ldap", "externalId", groupDn));
    if (duration != null) {
      entry.put("accessDuration", duration);
    }
    new CatalogApi(sesame, ADMIN).create("for a test", entry).then().statusCode(201);
  }

  private static String submit(String login, String app, String until) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("app", app);
    if (until != null) {
      body.put("until", until);
    }
    return sesame.as(login).body(body).post("/api/requests").then().statusCode(201).extract().path("request.id");
  }

  private static Map<String, Object> request(String viewer, String id) {
    return sesame.as(viewer).get("/api/requests/{id}", id).then().statusCode(200).extract().path("$");
  }

  private static Map<String, Object> grantOf(String person, String requestId) {
    List<Map<String, Object>> grants = sesame.as(person).get("/api/grants").then().statusCode(200).extract().path("$");
    return grants.stream().filter(g -> requestId.equals(g.get("request"))).findFirst().orElseThrow();
  }

  private static void awaitState(String viewer, String id, String state) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(request(viewer, id).get("state")).isEqualTo(state));
  }

  private static List<Map<String, Object>> audit(String id, String event) {
    return sesame.as(ADMIN).queryParam("subject", "request:" + id).queryParam("event", event)
        .get("/api/audit").then().statusCode(200).extract().path("$");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(String id, String step) {
    return audit(id, "provisioning.step").stream()
        .filter(e -> step.equals(((Map<String, Object>) e.get("details")).get("step"))).toList();
  }
}
