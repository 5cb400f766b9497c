package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input a careless or hostile client sends: each gets a 4xx naming the field and the reason, and
 * changes nothing. Found by trying to break a running Sesame.
 */
class HostileInputIT {

  private static final String EMPLOYEE = "aisha.bello";
  private static final String ADMIN = "erin.cole";

  private final RunningSesame sesame = RunningSesame.shared();

  @Test
  void chat_whenMessageHasNulCharacter_thenRefusedOnMessage() {
    sesame.as(EMPLOYEE).body("{\"message\": \"figma\\u0000please\"}").post("/api/chat")
        .then().statusCode(400).body("errors[0].field", equalTo("message"))
        .body("errors[0].reason", equalTo("must not contain NUL characters"));
  }

  @Test
  void chat_whenMessageIsNotText_thenRefusedOnMessage() {
    for (String body : List.of("{\"message\": 5}", "{\"message\": true}", "{\"message\": [\"a\"]}")) {
      sesame.as(EMPLOYEE).body(body).post("/api/chat").then().statusCode(400)
          .body("errors[0].field", equalTo("message"));
    }
    sesame.as(EMPLOYEE).body("[]").post("/api/chat").then().statusCode(400)
        .body("errors[0].field", equalTo("body"));
  }

  @Test
  void chat_whenKeyIsGivenTwice_thenRefusedNotLastOneWins() {
    Response response = sesame.as(EMPLOYEE).body("{\"message\": \"help\", \"message\": \"can I get figma\"}").post("/api/chat");
    response.then().statusCode(400).body("errors[0].field", equalTo("body"));
    assertThat(response.<String>path("errors[0].reason")).contains("Duplicate");
  }

  @Test
  void chat_whenWrittenInAnotherScript_thenWordsAreKept() {
    assertThat(sesame.chat(EMPLOYEE, "можно фигму?")).contains("можно фигму");
  }

  @Test
  void decide_whenCommentHasNulCharacter_thenRefusedOnComment() {
    sesame.chat("jonas.becker", "can I get figma");
    sesame.chat("jonas.becker", "yes");
    List<Map<String, Object>> waiting = sesame.as("stefan.richter").get("/api/approvals").then().extract().path("$");
    String id = waiting.stream().filter(r -> "jonas.becker".equals(r.get("requester")))
        .map(r -> (String) r.get("id")).findFirst().orElseThrow();

    sesame.as("stefan.richter").body("{\"comment\": \"ok\\u0000\"}").post("/api/requests/" + id + "/deny")
        .then().statusCode(400).body("errors[0].field", equalTo("comment"));
    sesame.as("stefan.richter").body("{\"comment\": 5}").post("/api/requests/" + id + "/deny")
        .then().statusCode(400).body("errors[0].field", equalTo("comment"));
    sesame.as("jonas.becker").get("/api/requests/" + id).then().body("state", equalTo("PENDING_APPROVAL"));
    sesame.as("jonas.becker").post("/api/requests/" + id + "/cancel").then().statusCode(200);
  }

  @Test
  void submit_whenRoleIsGivenForAnAppWithoutRoles_thenUnknownRoleAndNothingSubmitted() {
    sesame.as(EMPLOYEE).body(Map.of("app", "Figma", "role", "read")).post("/api/requests")
        .then().statusCode(422).body("outcome", equalTo("UNKNOWN_ROLE"));
    assertThat(sesame.as(EMPLOYEE).get("/api/requests").then().extract().<List<Object>>path("$")).isEmpty();
  }

  @Test
  void archive_whenDryRun_thenNothingIsArchived() {
    sesame.as(ADMIN).queryParam("dryRun", true).delete("/api/apps/Calendly").then().statusCode(200)
        .body("archived", equalTo(false));
    sesame.as(ADMIN).get("/api/apps/Calendly").then().statusCode(200).body("archived", equalTo(false));
  }

  @Test
  void create_whenNameCannotBeAnAddress_thenRefusedOnName() {
    for (String name : List.of("..", "50%", "a\\\\b", "why?", "C#", "a;b", "evil\\u202Eexe")) {
      String body = "{\"changeDescription\": \"x\", \"app\": {\"name\": \"" + name + "\", \"approvalFlow\": \"AUTO_APPROVE\","
          + " \"strategy\": {\"type\": \"SELF_SERVICE\", \"title\": \"t\", \"body\": \"https://example.com\"}}}";
      sesame.as(ADMIN).body(body).post("/api/apps").then().statusCode(400).body("errors.field", hasItem("app.name"));
    }
  }

  @Test
  void create_whenGroupIsTheCatalogAdminsGroup_thenRefused() {
    String body = "{\"changeDescription\": \"x\", \"app\": {\"name\": \"Sesame admin\", \"approvalFlow\": \"MANAGER\","
        + " \"strategy\": {\"type\": \"GROUP\", \"system\": \"corp-ldap\","
        + " \"externalId\": \"CN=sesame-catalog-admins, ou=groups,dc=brightwave,dc=example\"}}}";
    sesame.as(ADMIN).body(body).post("/api/apps").then().statusCode(400)
        .body("errors.field", hasItem("app.strategy.externalId"));
    sesame.as(ADMIN).get("/api/apps/Sesame admin").then().statusCode(404);
  }

  @Test
  void importYaml_whenItListsNoApps_thenRefusedAndNothingArchived() {
    new CatalogApi(sesame, ADMIN).importYaml("apps: []\n", false)
        .then().statusCode(400).body("errors[0].field", equalTo("apps"));
    sesame.as(ADMIN).get("/api/apps/Zoom").then().statusCode(200).body("archived", equalTo(false));
  }

  @Test
  void api_whenPasswordIsWrongOrRoleMissing_thenProblemDetails() {
    io.restassured.RestAssured.given().baseUri("http://127.0.0.1").port(sesame.port())
        .auth().preemptive().basic(EMPLOYEE, "wrong").get("/api/requests")
        .then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Basic"))
        .contentType("application/problem+json").body("status", equalTo(401));
    sesame.as(EMPLOYEE).get("/api/audit").then().statusCode(403)
        .contentType("application/problem+json").body("status", equalTo(403));
  }
}
