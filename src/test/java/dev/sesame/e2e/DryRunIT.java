package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ?dryRun=true} changes nothing: where an action has a dry run it only checks, elsewhere it is refused. */
class DryRunIT {

  private static final String REQUESTER = "ioanna.karagianni";
  private static final String APPROVER = "kamran.siddiqui";
  private static final String APP = "Dry Board";
  private static final String GROUP = Requesting.groupDn("asana-users");

  private final RunningSesame sesame = RunningSesame.shared();
  private final Requesting requests = new Requesting(sesame, null);

  @Test
  void dryRun_whenTheActionHasNone_thenRefusedAndNothingChanges_andDeletingAGrantAsADryRunKeepsIt() {
    requests.anyOf("DRY_BOARD_OWNERS", APPROVER);
    requests.groupApp(APP, "DRY_BOARD_OWNERS", "asana-users");
    String id = requests.submit(REQUESTER, APP, null);

    refused(sesame.as(APPROVER).queryParam("dryRun", "true").post("/api/requests/{id}/approve", id));
    refused(sesame.as(REQUESTER).queryParam("dryRun", "true").post("/api/requests/{id}/cancel", id));
    refused(sesame.as(Requesting.ADMIN).queryParam("dryRun", "true").post("/api/jobs/dead/{id}/retry", 1));
    assertThat(requests.state(id)).isEqualTo("PENDING_APPROVAL");

    requests.approve(APPROVER, id).then().statusCode(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> requests.state(id).equals("FULFILLED"));
    Map<String, Object> grant = requests.grants(REQUESTER).stream().filter(g -> id.equals(g.get("request")))
        .findFirst().orElseThrow();

    sesame.as(REQUESTER).queryParam("dryRun", "true").delete("/api/grants/{id}", grant.get("id"))
        .then().statusCode(200).body("state", equalTo("ACTIVE"));

    assertThat(sesame.as(REQUESTER).get("/api/grants/{id}", grant.get("id")).then().statusCode(200)
        .extract().<String>path("state")).isEqualTo("ACTIVE");
    assertThat(sesame.membersOf(GROUP)).contains(Requesting.dn(REQUESTER));
  }

  private static void refused(Response response) {
    response.then().statusCode(400).contentType("application/problem+json")
        .body("detail", equalTo("dryRun: this action has no dry run"))
        .body("errors.field", equalTo(List.of("dryRun")));
  }
}
