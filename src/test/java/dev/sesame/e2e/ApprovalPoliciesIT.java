package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.LDAPException;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Approval policies on the real pieces, with a company directory the test can change while
 * requests wait: self-approval, approving groups, missing and changing managers, quorums, admin
 * overrides, delegates, reminders, escalation and expiry. Each test uses its own people and apps.
 */
class ApprovalPoliciesIT {

  private static final String PEOPLE = ",ou=people,dc=brightwave,dc=example";
  private static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  private static final String ADMIN = "sam.patel";

  private static ScriptedDirectory directory;
  private static RunningSesame sesame;

  @BeforeAll
  static void start() {
    directory = ScriptedDirectory.start();
    Map<String, String> properties = new LinkedHashMap<>(directory.properties());
    properties.put("sesame.approvals.sweep-every", "1s");
    sesame = RunningSesame.fresh(properties);
  }

  @AfterAll
  static void stop() {
    sesame.close();
    directory.close();
  }

  @Test
  void selfApproval_whenRequesterIsTheOnlyAppAdmin_thenRefusedAndAuditedAndTheFallbackApproves() {
    app("Selfie Board", "APP_ADMIN", List.of("marcus.holt"), "cn=miro-users" + GROUPS);
    String id = submit("marcus.holt", "Selfie Board");

    Map<String, Object> request = request(ADMIN, id);
    assertThat(request.get("currentApprovers")).isEqualTo(List.of("erin.cole", "sam.patel"));
    assertThat(stage(request, 0).get("fallback").toString()).contains("the requester is the only app admin");

    sesame.as("marcus.holt").post("/api/requests/{id}/approve", id).then().statusCode(403);
    assertThat(audit(id, "request.decision-refused")).singleElement()
        .satisfies(e -> assertThat(e.get("actor")).isEqualTo("marcus.holt"));

    approve(ADMIN, id).then().statusCode(200);
    awaitState("marcus.holt", id, "FULFILLED");
    assertThat(sesame.membersOf("cn=miro-users" + GROUPS)).contains("uid=marcus.holt" + PEOPLE);
  }

  @Test
  void group_whenItHoldsTheRequesterAndOneColleague_thenOnlyTheColleagueApproves() throws LDAPException {
    group("review-board", "connor.walsh", "stefan.richter");
    policy("board review", Map.of("name", "board review", "stages",
        List.of(Map.of("name", "Board", "approvers", List.of("group:review-board")))));
    app("Board Tool", "board review", List.of(), "cn=lucidchart-users" + GROUPS);

    String id = submit("connor.walsh", "Board Tool");

    assertThat(request(ADMIN, id).get("currentApprovers")).isEqualTo(List.of("stefan.richter"));
    sesame.as("connor.walsh").post("/api/requests/{id}/approve", id).then().statusCode(403);
    sesame.as("arjun.mehta").post("/api/requests/{id}/approve", id).then().statusCode(403);
    approve("stefan.richter", id).then().statusCode(200);
    awaitState("connor.walsh", id, "FULFILLED");
  }

  @Test
  void group_whenItHoldsOnlyTheRequester_thenFallbackApproversAndStillPending() throws LDAPException {
    group("solo-board", "beatriz.almeida");
    policy("solo review", Map.of("name", "solo review", "stages",
        List.of(Map.of("name", "Solo", "approvers", List.of("group:solo-board")))));
    app("Solo Tool", "solo review", List.of(), "cn=gong-users" + GROUPS);

    String id = submit("beatriz.almeida", "Solo Tool");

    Map<String, Object> request = request(ADMIN, id);
    assertThat(request.get("state")).isEqualTo("PENDING_APPROVAL");
    assertThat(request.get("currentApprovers")).isEqualTo(List.of("erin.cole", "sam.patel"));
  }

  @Test
  void noFallback_whenNobodyIsLeft_thenNeedsAttentionNeverApprovedAndAnAdminOverrides() throws LDAPException {
    group("lonely-board", "aisha.bello");
    policy("no fallback", Map.of("name", "no fallback", "fallback", List.of(), "stages",
        List.of(Map.of("name", "Lonely", "approvers", List.of("group:lonely-board")))));
    app("Lonely Tool", "no fallback", List.of(), "cn=docusign-senders" + GROUPS);

    String id = submit("aisha.bello", "Lonely Tool");

    assertThat(request(ADMIN, id).get("state")).isEqualTo("NEEDS_ATTENTION");
    assertThat(sesame.as(ADMIN).queryParam("scope", "all").queryParam("state", "NEEDS_ATTENTION")
        .get("/api/requests").then().statusCode(200).extract().<List<String>>path("id")).contains(id);
    assertThat(sesame.membersOf("cn=docusign-senders" + GROUPS)).doesNotContain("uid=aisha.bello" + PEOPLE);

    override(ADMIN, id, "approve", "reviewed by IT").then().statusCode(200);
    awaitState("aisha.bello", id, "FULFILLED");
  }

  @Test
  void manager_whenNoneOnRecord_thenFallbackAndTheRequesterIsToldWhy() {
    app("Chief Tool", "MANAGER", List.of(), "cn=jetbrains-users" + GROUPS);

    sesame.chat("olivia.reyes", "can I get chief tool?");
    String reply = sesame.chat("olivia.reyes", "yes");

    assertThat(reply).contains("Request submitted").contains("you have no manager on record");
    String id = sesame.as("olivia.reyes").get("/api/requests").then().extract().path("[0].id");
    assertThat(request(ADMIN, id).get("currentApprovers")).isEqualTo(List.of("erin.cole", "sam.patel"));
  }

  @Test
  void manager_whenDeactivated_thenFallbackNamingWhy() {
    app("Deactivated Manager Tool", "MANAGER", List.of(), "cn=gong-users" + GROUPS);
    String report = reportOf("sneha.kulkarni");
    directory.deactivate("sneha.kulkarni");

    String id = submit(report, "Deactivated Manager Tool");

    Map<String, Object> request = request(ADMIN, id);
    assertThat(request.get("currentApprovers")).isEqualTo(List.of("erin.cole", "sam.patel"));
    assertThat(stage(request, 0).get("fallback").toString()).contains("sneha.kulkarni").contains("no longer active");
  }

  @Test
  void manager_whenChangedWhileWaiting_thenReassignedOldManagerRefusedNewManagerApproves() {
    app("Reassign Tool", "MANAGER", List.of(), "cn=hubspot-users" + GROUPS);
    String person = reportOf("jonas.becker");
    String id = submit(person, "Reassign Tool");
    assertThat(request(ADMIN, id).get("currentApprovers")).isEqualTo(List.of("jonas.becker"));

    directory.changeManager(person, "lucas.ferreira");

    sesame.as("jonas.becker").post("/api/requests/{id}/approve", id).then().statusCode(403);
    assertThat(request(ADMIN, id).get("currentApprovers")).isEqualTo(List.of("lucas.ferreira"));
    assertThat(sesame.notices("jonas.becker")).anyMatch(n -> n.contains("no longer needs your decision"));
    assertThat(sesame.notices("lucas.ferreira")).anyMatch(n -> n.contains("now waits for you"));
    assertThat(sesame.notices(person)).anyMatch(n -> n.contains("now waits for"));
    approve("lucas.ferreira", id).then().statusCode(200);
    awaitState(person, id, "FULFILLED");
  }

  @Test
  void twoStages_whenSecondNeedsTwoOfThree_thenNothingIsAddedUntilTheSecondOwnerApproves() {
    policy("two owners", Map.of("name", "two owners", "stages", List.of(
        Map.of("name", "Manager", "approvers", List.of("manager")),
        Map.of("name", "Owners", "approvers", List.of("person:amara.osei", "person:callum.fraser",
            "person:ollie.pritchard"), "quorum", 2))));
    app("Two Owner Tool", "two owners", List.of(), "cn=zendesk-light-agent" + GROUPS);
    String person = reportOf("david.cohen");
    String id = submit(person, "Two Owner Tool");

    approve("david.cohen", id).then().statusCode(200);
    approve("amara.osei", id).then().statusCode(200);
    Map<String, Object> waiting = request(ADMIN, id);
    assertThat(waiting.get("state")).isEqualTo("PENDING_APPROVAL");
    assertThat(waiting.get("currentStage")).isEqualTo(1);
    assertThat(sesame.membersOf("cn=zendesk-light-agent" + GROUPS)).doesNotContain("uid=" + person + PEOPLE);
    approve("amara.osei", id).then().statusCode(200);
    assertThat(request(ADMIN, id).get("state")).isEqualTo("PENDING_APPROVAL");

    approve("ollie.pritchard", id).then().statusCode(200);

    awaitState(person, id, "FULFILLED");
    assertThat(audit(id, "request.decided")).extracting(e -> e.get("actor") + "@" + details(e).get("stage"))
        .containsExactly("ollie.pritchard@2", "amara.osei@2", "david.cohen@1");
    sesame.as("callum.fraser").post("/api/requests/{id}/deny", id).then().statusCode(409);
  }

  @Test
  void override_whenNoReason_then400_withReasonRecordedAndALaterApprovalConflicts() {
    app("Override Tool", "MANAGER", List.of(), "cn=hubspot-users" + GROUPS);
    String person = reportOf("chioma.eze");
    String id = submit(person, "Override Tool");

    override(ADMIN, id, "approve", "  ").then().statusCode(400);
    override("chioma.eze", id, "approve", "my team").then().statusCode(403);
    override(ADMIN, id, "approve", "urgent incident work").then().statusCode(200);

    assertThat(audit(id, "request.decided")).singleElement().satisfies(e -> {
      assertThat(e.get("actor")).isEqualTo(ADMIN);
      assertThat(details(e)).containsEntry("kind", "override").containsEntry("comment", "urgent incident work");
    });
    Response late = approve("chioma.eze", id);
    late.then().statusCode(409);
    assertThat(late.<String>path("detail")).contains("by sam.patel");
    awaitState(person, id, "FULFILLED");
  }

  @Test
  void delegate_whenApproverIsAway_thenTheDelegateDecidesOnTheirBehalf() {
    app("Delegated Tool", "MANAGER", List.of(), "cn=greenhouse-interviewer" + GROUPS);
    String person = reportOf("deepa.krishnan");
    sesame.as("deepa.krishnan").body(Map.of("delegate", "vikram.rao",
            "until", Instant.now().plus(Duration.ofDays(3)).toString()))
        .post("/api/delegations").then().statusCode(201);
    String id = submit(person, "Delegated Tool");

    assertThat(sesame.as("vikram.rao").get("/api/approvals").then().statusCode(200).extract()
        .<List<String>>path("id")).contains(id);
    approve("vikram.rao", id).then().statusCode(200);

    assertThat(audit(id, "request.decided")).singleElement().satisfies(e -> {
      assertThat(e.get("actor")).isEqualTo("vikram.rao");
      assertThat(details(e)).containsEntry("kind", "delegate").containsEntry("onBehalfOf", "deepa.krishnan");
    });
    awaitState(person, id, "FULFILLED");
    sesame.as("deepa.krishnan").body(Map.of("delegate", "deepa.krishnan", "until", "2030-01-01T00:00:00Z"))
        .post("/api/delegations").then().statusCode(400);
  }

  @Test
  void delegate_whenTheyApprovedTheAppAdminStage_thenTheyCannotApproveTheManagerStageOnTheManagersBehalf() {
    String manager = "isabel.romero";
    String delegate = "ioanna.karagianni";
    app("Four Eyes Board", "APP_ADMIN_THEN_MANAGER", List.of(delegate), "cn=datadog-read-only" + GROUPS);
    sesame.as(manager).body(Map.of("delegate", delegate, "until", Instant.now().plus(Duration.ofDays(3)).toString()))
        .post("/api/delegations").then().statusCode(201);
    String person = reportOf(manager);
    String id = submit(person, "Four Eyes Board");
    approve(delegate, id).then().statusCode(200);

    approve(delegate, id).then().statusCode(403)
        .body("detail", org.hamcrest.Matchers.containsString("already approved an earlier stage"));

    assertThat(audit(id, "request.decision-refused")).singleElement()
        .satisfies(e -> assertThat(e.get("actor")).isEqualTo(delegate));
    assertThat(request(ADMIN, id)).containsEntry("state", "PENDING_APPROVAL")
        .containsEntry("currentApprovers", List.of(manager));
    approve(manager, id).then().statusCode(200);
    awaitState(person, id, "FULFILLED");
  }

  @Test
  void timings_whenNobodyDecides_thenRemindedEscalatedAndExpired() {
    policy("quick clock", Map.of("name", "quick clock", "remindEvery", "PT2S", "escalateAfter", "PT4S",
        "expireAfter", "PT12S", "stages", List.of(Map.of("name", "Manager", "approvers", List.of("manager")))));
    app("Quick Clock Tool", "quick clock", List.of(), "cn=looker-viewer" + GROUPS);
    String manager = "elif.yilmaz";
    String person = reportOf(manager);
    String id = submit(person, "Quick Clock Tool");

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(sesame.notices(manager)).anyMatch(n -> n.startsWith("Reminder:")));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat((List<?>) request(ADMIN, id).get("currentApprovers")).hasSizeGreaterThan(1));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(request(ADMIN, id).get("state")).isEqualTo("EXPIRED"));
    assertThat(sesame.notices(person)).anyMatch(n -> n.contains("expired"));
    approve(manager, id).then().statusCode(409);
  }

  // ---------------------------------------------------------------------------------------------

  private static void app(String name, String policy, List<String> admins, String groupDn) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("accessRule", "true");
    entry.put("appAdmins", admins);
    entry.put("approvalFlow", policy);
    entry.put("strategy", Map.of("type", "GROUP", "system", "corp-ldap", "externalId", groupDn));
    new CatalogApi(sesame, ADMIN).create("for a test", entry).then().statusCode(201);
  }

  private static void policy(String name, Map<String, Object> policy) {
    sesame.as(ADMIN).body(Map.of("changeDescription", "for a test", "policy", policy))
        .put("/api/policies/{name}", name).then().statusCode(201);
  }

  private static void group(String cn, String... members) throws LDAPException {
    String[] lines = new String[members.length + 3];
    lines[0] = "dn: cn=" + cn + GROUPS;
    lines[1] = "objectClass: groupOfNames";
    lines[2] = "cn: " + cn;
    for (int i = 0; i < members.length; i++) {
      lines[i + 3] = "member: uid=" + members[i] + PEOPLE;
    }
    try {
      directory.server().add(lines);
    } catch (com.unboundid.ldif.LDIFException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String submit(String login, String app) {
    return sesame.as(login).body(Map.of("app", app)).post("/api/requests")
        .then().statusCode(201).extract().path("request.id");
  }

  private static Response approve(String login, String id) {
    return sesame.as(login).post("/api/requests/{id}/approve", id);
  }

  private static Response override(String login, String id, String verdict, String reason) {
    return sesame.as(login).body(Map.of("verdict", verdict, "reason", reason)).post("/api/requests/{id}/override", id);
  }

  private static Map<String, Object> request(String viewer, String id) {
    return sesame.as(viewer).get("/api/requests/{id}", id).then().statusCode(200).extract().path("$");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stage(Map<String, Object> request, int index) {
    return ((List<Map<String, Object>>) request.get("stages")).get(index);
  }

  private static void awaitState(String viewer, String id, String state) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(request(viewer, id).get("state")).isEqualTo(state));
  }

  /** The request's audit events of this kind, newest first. */
  private static List<Map<String, Object>> audit(String id, String event) {
    return sesame.as(ADMIN).queryParam("subject", "request:" + id).queryParam("event", event)
        .get("/api/audit").then().statusCode(200).extract().path("$");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Map<String, Object> event) {
    return (Map<String, Object>) event.get("details");
  }

  /** Someone who reports to {@code manager} in the demo company, chosen once per manager. */
  private static String reportOf(String manager) {
    return sesame.bean(dev.sesame.directory.Directory.class).everyone().stream()
        .filter(p -> p.managerId().map(m -> m.value().equals(manager)).orElse(false))
        .filter(p -> p.active() && !p.id().value().equals(ADMIN) && !p.id().value().equals("erin.cole"))
        .map(p -> p.id().value())
        .sorted()
        .findFirst()
        .orElseThrow();
  }
}
