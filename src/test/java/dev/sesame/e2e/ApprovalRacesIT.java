package dev.sesame.e2e;

import static dev.sesame.e2e.Requesting.ADMIN;
import static dev.sesame.e2e.Requesting.atOnce;
import static dev.sesame.e2e.Requesting.dn;
import static dev.sesame.e2e.Requesting.groupDn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Concurrency and idempotency of decisions and requests on the real pieces, counting the
 * membership changes the directory receives: two approvers at the same instant, approve against
 * deny, a late decision, a double click, a double request.
 */
class ApprovalRacesIT {

  private static final String FIRST = "amara.osei";
  private static final String SECOND = "callum.fraser";

  private static ScriptedDirectory directory;
  private static RunningSesame sesame;
  private static Requesting requests;

  @BeforeAll
  static void start() {
    directory = ScriptedDirectory.start();
    sesame = RunningSesame.fresh(directory.properties());
    requests = new Requesting(sesame, directory);
    requests.anyOf("race pair", FIRST, SECOND);
  }

  @AfterAll
  static void stop() {
    sesame.close();
    directory.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Two approvers at once

  @Test
  void approve_whenTwoApproversApproveAtTheSameInstant_thenOneSucceedsOneConflictsAndOneMemberIsAdded() {
    requests.group("race-approve");
    requests.groupApp("Race Approve Tool", "race pair", "race-approve");
    for (String person : List.of("desmond.jefferson", "sean.bryant", "thibault.leroy", "cindy.zhao", "joseph.choi")) {
      String id = requests.submit(person, "Race Approve Tool", null);

      List<Integer> statuses = atOnce(() -> requests.approve(FIRST, id).statusCode(),
          () -> requests.approve(SECOND, id).statusCode());

      assertThat(statuses).as("for " + person).containsExactlyInAnyOrder(200, 409);
      requests.awaitState(id, "FULFILLED");
      assertThat(directory.count("add", dn(person))).as("add-member calls for " + person).isEqualTo(1);
      assertThat(requests.audit(id, "request.decided")).hasSize(1);
      assertThat(requests.audit(id, "provisioning.step"))
          .filteredOn(e -> "started".equals(Requesting.details(e).get("step"))).hasSize(1);
      assertThat(requests.audit(id, "grant.provisioned")).hasSize(1);
      assertThat(requests.grants(person)).filteredOn(g -> String.valueOf(g.get("request")).contains(id)).hasSize(1);
    }
  }

  @Test
  void decide_whenOneApprovesAndTheOtherDeniesAtOnce_thenEitherMemberOrDeniedNeverBoth() {
    requests.group("race-verdict");
    requests.groupApp("Race Verdict Tool", "race pair", "race-verdict");
    for (String person : List.of("maya.ben-david", "maya.rosenthal", "shruti.shetty", "harini.iyer")) {
      String id = requests.submit(person, "Race Verdict Tool", null);

      List<Integer> statuses = atOnce(() -> requests.approve(FIRST, id).statusCode(),
          () -> requests.deny(SECOND, id).statusCode());

      assertThat(statuses).as("for " + person).containsExactlyInAnyOrder(200, 409);
      if (statuses.get(0) == 200) {
        requests.awaitState(id, "FULFILLED");
        assertThat(sesame.membersOf(groupDn("race-verdict"))).contains(dn(person));
        assertThat(directory.count("add", dn(person))).isEqualTo(1);
      } else {
        assertThat(requests.state(id)).isEqualTo("DENIED");
        assertThat(sesame.membersOf(groupDn("race-verdict"))).doesNotContain(dn(person));
        assertThat(directory.count("add", dn(person))).isZero();
        assertThat(requests.audit(id, "provisioning.step")).isEmpty();
      }
      assertThat(requests.audit(id, "request.decided")).hasSize(1);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // A decided request

  @Test
  void deny_whenAnotherApproverAlreadyApproved_then409NamingWhoAndWhenAndAccessStays() {
    requests.group("late-deny");
    requests.groupApp("Late Deny Tool", "race pair", "late-deny");
    String person = "emeka.okeke";
    String id = requests.submit(person, "Late Deny Tool", null);
    requests.approve(FIRST, id).then().statusCode(200);
    requests.awaitState(id, "FULFILLED");

    Response late = requests.deny(SECOND, id);

    late.then().statusCode(409);
    assertThat(late.<String>path("detail")).contains("approved by " + FIRST)
        .containsPattern(" at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
    assertThat(requests.state(id)).isEqualTo("FULFILLED");
    assertThat(sesame.membersOf(groupDn("late-deny"))).contains(dn(person));
    assertThat(directory.count("delete", dn(person))).isZero();
    assertThat(requests.audit(id, "request.decided")).hasSize(1);
  }

  @Test
  void approve_whenTheSameApproverApprovesAgain_thenAcknowledgedAndNothingChanges() {
    requests.group("double-click");
    requests.groupApp("Double Click Tool", "race pair", "double-click");
    String person = "michelle.tan";
    String id = requests.submit(person, "Double Click Tool", null);

    List<Integer> clicks = atOnce(() -> requests.approve(FIRST, id).statusCode(),
        () -> requests.approve(FIRST, id).statusCode());
    requests.awaitState(id, "FULFILLED");
    Map<String, Object> before = requests.request(id);
    requests.approve(FIRST, id).then().statusCode(200);

    assertThat(clicks).containsExactly(200, 200);
    assertThat(requests.request(id)).isEqualTo(before);
    assertThat(requests.audit(id, "request.decided")).hasSize(1);
    assertThat(directory.count("add", dn(person))).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------
  // A double request

  @Test
  void submit_whenTheSameRequestIsSentTwiceAtOnce_thenOneOpenRequestAndTheOtherAnswerIsThatRequest() {
    requests.group("double-ask");
    requests.groupApp("Double Ask Tool", "race pair", "double-ask");
    for (String person : List.of("hao.luo", "pooja.agarwal", "kunal.jain")) {
      List<Response> answers = atOnce(() -> requests.trySubmit(person, "Double Ask Tool", null),
          () -> requests.trySubmit(person, "Double Ask Tool", null));

      assertThat(answers).extracting(Response::statusCode).as("for " + person).containsExactlyInAnyOrder(201, 200);
      Response repeat = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
      assertThat(repeat.<String>path("outcome")).isEqualTo("ALREADY_REQUESTED");
      assertThat(answers).extracting(a -> a.<String>path("request.id")).doesNotContainNull().hasSize(2)
          .containsOnly(answers.get(0).<String>path("request.id"));
      List<Map<String, Object>> mine = sesame.as(person).get("/api/requests").then().statusCode(200).extract().path("$");
      assertThat(mine).hasSize(1);
      assertThat(requests.audit(answers.get(0).<String>path("request.id"), "request.submitted")).hasSize(1);
    }
  }

  @Test
  void chat_whenTheSameAppIsAskedForAgain_thenTheAssistantSaysItIsAlreadyRequested() {
    requests.group("chat-twice");
    requests.groupApp("Chat Twice Tool", "race pair", "chat-twice");
    String person = "harpreet.bose";
    requests.submit(person, "Chat Twice Tool", null);

    String reply = sesame.chat(person, "can I get chat twice tool?");

    assertThat(reply).contains("You already asked for **Chat Twice Tool**");
    assertThat(sesame.as(person).get("/api/requests").then().extract().<List<String>>path("id")).hasSize(1);
  }

  @Test
  void submit_whenTheRoleIsAlreadyHeld_thenYouAlreadyHaveItAndNothingIsCreated() {
    String person = "shira.levy";
    requests.group("held-viewer", person);
    requests.group("held-editor");
    requests.roleApp("Held Role Tool", "race pair", Map.of("viewer", "held-viewer", "editor", "held-editor"));

    Response api = requests.trySubmit(person, "Held Role Tool", "viewer");
    String reply = sesame.chat(person, "can I get held role tool viewer?");

    api.then().statusCode(422);
    assertThat(api.<String>path("outcome")).isEqualTo("ALREADY_HAS_ACCESS");
    assertThat(api.<String>path("message")).contains("you already have this access");
    assertThat(reply).contains("You already have the **viewer** role in **Held Role Tool**");
    assertThat(sesame.as(person).get("/api/requests").then().extract().<List<String>>path("id")).isEmpty();
    assertThat(directory.count("add", dn(person))).isZero();
  }
}
