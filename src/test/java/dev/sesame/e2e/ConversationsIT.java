package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conversations from the first message to group membership, against the running application:
 * embedded PostgreSQL, the embedded directory, durable jobs, over HTTP. Each test is one person's
 * conversation, so the tests share one running Sesame without stepping on each other.
 */
class ConversationsIT {

  private static final String PEOPLE = ",ou=people,dc=brightwave,dc=example";
  private static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  private static final String FIGMA = "cn=figma-users" + GROUPS;

  private final RunningSesame sesame = RunningSesame.shared();

  @Test
  void groupApp_whenManagerApprovesInChat_thenPersonIsInTheGroup() {
    assertThat(sesame.chat("alex.kim", "hi, can I get figma?"))
        .contains("**Figma**").contains("your manager Priya Nair").contains("(yes/no)");
    assertThat(sesame.chat("alex.kim", "yes please"))
        .contains("Request submitted for **Figma**").contains("Priya Nair");

    assertThat(sesame.chat("priya.nair", "approvals")).contains("**Alex Kim** asks for **Figma**");
    assertThat(sesame.chat("priya.nair", "approve 1")).contains("Approved");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(sesame.notices("alex.kim")).anyMatch(n -> n.startsWith("You now have access to **Figma**")));
    assertThat(sesame.membersOf(FIGMA)).contains("uid=alex.kim" + PEOPLE);
    List<Map<String, Object>> requests = sesame.as("alex.kim").get("/api/requests").then().statusCode(200).extract().path("$");
    assertThat(requests).singleElement().satisfies(r -> assertThat(r.get("state")).isEqualTo("FULFILLED"));
  }

  @Test
  void roleApp_whenRolePickedFromHintAndAppAdminApproves_thenPersonHasThatRole() {
    assertThat(sesame.chat("noah.fischer", "salesforce licence pls"))
        .contains("Which Salesforce access do you need?").contains("1. **Read-only**").contains("2. **Sales user**");
    assertThat(sesame.chat("noah.fischer", "I'm an account executive and I manage my own leads"))
        .contains("**Sales user** role").contains("the app admins (Dana Whitfield)");
    assertThat(sesame.chat("noah.fischer", "yes")).contains("Request submitted for **Salesforce** (Sales user)");

    String id = waitingFor("dana.whitfield", "noah.fischer");
    sesame.as("dana.whitfield").body(Map.of("comment", "welcome aboard")).post("/api/requests/" + id + "/approve")
        .then().statusCode(200);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(sesame.membersOf("cn=salesforce-sales-user" + GROUPS)).contains("uid=noah.fischer" + PEOPLE));
    assertThat(sesame.membersOf("cn=salesforce-admin" + GROUPS)).doesNotContain("uid=noah.fischer" + PEOPLE);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(sesame.notices("noah.fischer")).anyMatch(n -> n.startsWith("You now have access to **Salesforce** (sales-user)")));
  }

  @Test
  void selfServiceApp_whenAsked_thenInstructionsAndLinks() {
    assertThat(sesame.chat("mia.schulz", "how do I get zoom?"))
        .contains("**Install Zoom from the company portal**")
        .contains("https://brightwave.zoom.us")
        .contains("[Zoom support](https://support.zoom.com)");
  }

  @Test
  void typo_whenAppIsMisspelt_thenClosestAppIsOffered() {
    assertThat(sesame.chat("jordan.lee", "fgima")).startsWith("I think you mean **Figma**").contains("(yes/no)");
    assertThat(sesame.chat("jordan.lee", "no thanks")).contains("haven't requested anything");
  }

  @Test
  void alias_whenAbbreviationIsUsed_thenAppIsFoundAndRolesListed() {
    assertThat(sesame.chat("ravi.shah", "need gh access"))
        .contains("Which GitHub access do you need?").contains("**Read**").contains("**Write**").contains("**Admin**");
    assertThat(sesame.chat("ravi.shah", "cancel")).contains("Nothing was requested");
  }

  @Test
  void unknownApp_whenNotInCatalog_thenSaysSoAndSuggestsCloseOnes() {
    assertThat(sesame.chat("ravi.shah", "can I get quickbooks?")).contains("couldn't find \"quickbooks\"");
    assertThat(sesame.chat("ravi.shah", "can I get zoomies")).contains("couldn't find").contains("Did you mean **Zoom**");
  }

  @Test
  void disabledApp_whenAsked_thenCannotBeRequestedHereAndLinksShown() {
    assertThat(sesame.chat("hannah.berg", "I need tableau for reporting"))
        .contains("**Tableau** can't be requested here")
        .contains("https://it.brightwave.example/forms/tableau");
  }

  @Test
  void accessRule_whenPersonDoesNotQualify_thenPoliteRefusalSaysWhy() {
    assertThat(sesame.chat("noah.fischer", "can i get aws"))
        .contains("Sorry, Noah")
        .contains("only available to people whose department is Engineering (yours is Sales)")
        .contains("Kenji Sato");
    assertThat(sesame.as("sam.patel").queryParam("event", "access-rule.refused").get("/api/audit")
        .then().statusCode(200).extract().<List<String>>path("actor")).contains("noah.fischer");
  }

  @Test
  void alreadyMember_whenPersonHasAccess_thenSaysSoAndOffersOtherRoles() {
    assertThat(sesame.chat("alex.kim", "jira please")).contains("You already have access to **Jira**");
    assertThat(sesame.chat("jordan.lee", "can I get github write access"))
        .contains("You already have the **Write** role in **GitHub**").contains("(you have this)");
    assertThat(sesame.chat("jordan.lee", "read")).contains("**Read** role").contains("(yes/no)");
    assertThat(sesame.chat("jordan.lee", "no")).contains("haven't requested anything");
  }

  @Test
  void denial_thenNoMembershipAndSecondDecisionConflictsAndStrangersAreForbidden() {
    sesame.chat("hannah.berg", "can I get figma");
    assertThat(sesame.chat("hannah.berg", "yes")).contains("your manager Felix Wagner");
    String id = waitingFor("felix.wagner", "hannah.berg");

    sesame.as("jordan.lee").post("/api/requests/" + id + "/approve").then().statusCode(403);
    sesame.as("hannah.berg").post("/api/requests/" + id + "/approve").then().statusCode(403);
    assertThat(sesame.chat("felix.wagner", "approvals")).contains("**Hannah Berg** asks for **Figma**");
    assertThat(sesame.chat("felix.wagner", "deny 1 we use Miro for whiteboards")).contains("Denied");

    sesame.as("felix.wagner").post("/api/requests/" + id + "/approve").then().statusCode(409);
    sesame.as("felix.wagner").post("/api/requests/" + id + "/deny").then().statusCode(200);
    sesame.as("hannah.berg").get("/api/requests/" + id).then().statusCode(200)
        .body("state", org.hamcrest.Matchers.equalTo("DENIED"));
    assertThat(sesame.notices("hannah.berg")).anyMatch(n -> n.contains("Felix Wagner denied your request for **Figma**: we use Miro"));
    assertThat(sesame.membersOf(FIGMA)).doesNotContain("uid=hannah.berg" + PEOPLE);
    sesame.as("jordan.lee").get("/api/requests/" + id).then().statusCode(404);
  }

  @Test
  void openRequest_whenAskedAgain_thenTheSameRequestIsReturned() {
    sesame.chat("tom.nguyen", "can I get adobe");
    assertThat(sesame.chat("tom.nguyen", "yes")).contains("Request submitted for **Adobe Creative Cloud**");
    assertThat(sesame.chat("tom.nguyen", "photoshop please")).contains("You already asked for **Adobe Creative Cloud**");
    Map<String, Object> again = sesame.as("tom.nguyen").body(Map.of("app", "adobe creative cloud")).post("/api/requests")
        .then().statusCode(200).extract().path("$");
    assertThat(again.get("outcome")).isEqualTo("ALREADY_REQUESTED");
    assertThat(sesame.as("tom.nguyen").get("/api/requests").then().extract().<List<Object>>path("$")).hasSize(1);
  }

  @Test
  void ownRequest_whenRequesterIsTheAppAdmin_thenOthersDecideAndNeverThemselves() {
    assertThat(sesame.chat("kenji.sato", "can I get github read")).contains("**Read** role");
    String answer = sesame.chat("kenji.sato", "yes");
    assertThat(answer).contains("catalog admins").doesNotContain("Kenji Sato");
    List<Map<String, Object>> mine = sesame.as("kenji.sato").get("/api/requests").then().extract().path("$");
    assertThat(mine).singleElement().satisfies(r ->
        assertThat((List<String>) r.get("currentApprovers")).containsExactlyInAnyOrder("sam.patel", "erin.cole"));
    String id = (String) mine.get(0).get("id");
    sesame.as("kenji.sato").post("/api/requests/" + id + "/approve").then().statusCode(403);
    assertThat(sesame.chat("kenji.sato", "cancel")).contains("Cancelled your request for **GitHub**");
  }

  @Test
  void autoApprovedGroupApp_whenConfirmed_thenAddedWithoutAnyApprover() {
    assertThat(sesame.chat("mia.schulz", "can I get notion?")).contains("needs no approval");
    assertThat(sesame.chat("mia.schulz", "go ahead")).contains("needs no approval");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(sesame.chat("mia.schulz", "my requests")).contains("**Notion** — done"));
    assertThat(sesame.membersOf("cn=notion-users" + GROUPS)).contains("uid=mia.schulz" + PEOPLE);
  }

  private String waitingFor(String approver, String requester) {
    List<Map<String, Object>> waiting = sesame.as(approver).get("/api/approvals").then().statusCode(200).extract().path("$");
    return waiting.stream().filter(r -> requester.equals(r.get("requester"))).map(r -> (String) r.get("id"))
        .findFirst().orElseThrow(() -> new AssertionError(approver + " has nothing from " + requester + ": " + waiting));
  }
}
