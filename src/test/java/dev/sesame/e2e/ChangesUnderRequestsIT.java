package dev.sesame.e2e;

import static dev.sesame.e2e.Requesting.ADMIN;
import static dev.sesame.e2e.Requesting.dn;
import static dev.sesame.e2e.Requesting.groupDn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What happens to waiting requests when the catalog or the requester changes under them, on the
 * real pieces with a directory that counts the membership changes it receives: a role deleted, an
 * app disabled or archived, a group changed, a held role deleted, the requester deactivated.
 */
class ChangesUnderRequestsIT {

  private static final String FIRST = "ollie.pritchard";
  private static final String SECOND = "kriti.trivedi";

  private static ScriptedDirectory directory;
  private static RunningSesame sesame;
  private static Requesting requests;
  private static CatalogApi admin;

  @BeforeAll
  static void start() {
    directory = ScriptedDirectory.start();
    sesame = RunningSesame.fresh(directory.properties());
    requests = new Requesting(sesame, directory);
    admin = new CatalogApi(sesame, ADMIN);
    requests.anyOf("change pair", FIRST, SECOND);
  }

  @AfterAll
  static void stop() {
    sesame.close();
    directory.close();
  }

  // ---------------------------------------------------------------------------------------------
  // The catalog changes

  @Test
  void roleDeleted_whileARequestWaits_thenClosedPeopleToldAndTheRecreatedRoleLeavesItClosed() {
    requests.group("deleted-viewer");
    requests.group("deleted-editor");
    requests.roleApp("Deleted Role Tool", "change pair", Map.of("viewer", "deleted-viewer", "editor", "deleted-editor",
        "auditor", "deleted-role-tool-auditor"));
    String person = "mariana.diaz";
    String id = requests.submit(person, "Deleted Role Tool", "editor");
    String other = requests.submit("anjali.ghosh", "Deleted Role Tool", "viewer");

    admin.change("Deleted Role Tool", "Editors are managed in the app now", entry ->
        CatalogApi.roles(entry).removeIf(r -> r.get("name").equals("editor")));

    assertThat(requests.state(id)).isEqualTo("CLOSED");
    assertThat(requests.state(other)).isEqualTo("PENDING_APPROVAL");
    assertThat(requests.audit(id, "request.closed")).singleElement().satisfies(e -> {
      assertThat(e.get("actor")).isEqualTo(ADMIN);
      assertThat(Requesting.details(e).get("reason").toString()).contains("the role editor was removed");
    });
    assertThat(sesame.notices(person)).anyMatch(n -> n.contains("I closed your request for **Deleted Role Tool**")
        && n.contains("the role editor was removed"));
    assertThat(sesame.notices(FIRST)).anyMatch(n -> n.contains("was closed") && n.contains("nothing to decide"));
    assertThat(requests.approvals(FIRST)).doesNotContain(id).contains(other);

    admin.change("Deleted Role Tool", "Editors are back", entry -> CatalogApi.roles(entry).add(Map.of(
        "name", "editor", "displayName", "editor", "description", "The editor role.",
        "externalId", groupDn("deleted-editor"), "hint", "")));

    assertThat(requests.state(id)).isEqualTo("CLOSED");
    requests.approve(FIRST, id).then().statusCode(409);
    assertThat(requests.state(id)).isEqualTo("CLOSED");
    assertThat(directory.count("add", dn(person))).isZero();
    assertThat(requests.submit(person, "Deleted Role Tool", "editor")).isNotEqualTo(id);
  }

  @Test
  void appDisabled_whileARequestWaits_thenAnApprovalConflictsAndTheDirectoryIsUntouched() {
    requests.group("disabled-tool");
    requests.groupApp("Disabled Tool", "change pair", "disabled-tool");
    String person = "varun.saxena";
    String id = requests.submit(person, "Disabled Tool", null);

    admin.change("Disabled Tool", "Licences ran out", entry -> entry.put("enabledInBot", false));
    Response approval = requests.approve(FIRST, id);

    approval.then().statusCode(409);
    assertThat(approval.<String>path("detail")).contains("closed").contains("can no longer be requested");
    assertThat(requests.state(id)).isEqualTo("CLOSED");
    assertThat(directory.count("add", dn(person))).isZero();
    assertThat(sesame.membersOf(groupDn("disabled-tool"))).doesNotContain(dn(person));
    admin.change("Disabled Tool", "Licences renewed", entry -> entry.put("enabledInBot", true));
    assertThat(requests.state(id)).isEqualTo("CLOSED");
  }

  @Test
  void groupChanged_whileARequestWaits_thenClosedAndAnUnrelatedChangeClosesNothing() {
    requests.group("moved-old");
    requests.group("moved-new");
    requests.groupApp("Moved Group Tool", "change pair", "moved-old");
    String id = requests.submit("francesca.greco", "Moved Group Tool", null);

    admin.change("Moved Group Tool", "A new alias", entry -> CatalogApi.aliases(entry).add("mgt"));
    assertThat(requests.state(id)).isEqualTo("PENDING_APPROVAL");
    admin.change("Moved Group Tool", "The group moved", entry ->
        CatalogApi.strategy(entry).put("externalId", groupDn("moved-new")));

    assertThat(requests.state(id)).isEqualTo("CLOSED");
    assertThat(requests.audit(id, "request.closed").get(0).get("details").toString()).contains("group behind");
    requests.approve(SECOND, id).then().statusCode(409);
    assertThat(directory.count("add", dn("francesca.greco"))).isZero();
  }

  @Test
  void archivedAndImported_whileRequestsWait_thenClosed() {
    requests.group("archived-tool");
    requests.groupApp("Archived Tool", "change pair", "archived-tool");
    requests.group("imported-viewer");
    requests.group("imported-editor");
    requests.roleApp("Imported Role Tool", "change pair", Map.of("viewer", "imported-viewer", "editor", "imported-editor",
        "auditor", "imported-role-tool-auditor"));
    String archived = requests.submit("megha.mishra", "Archived Tool", null);
    String imported = requests.submit("wambui.ochieng", "Imported Role Tool", "editor");

    sesame.as(ADMIN).queryParam("version", admin.version("Archived Tool")).queryParam("reason", "Replaced")
        .delete("/api/apps/{name}", "Archived Tool").then().statusCode(200);
    String yaml = CatalogApi.edit(admin.export(), document -> {
      var roles = (tools.jackson.databind.node.ArrayNode) CatalogApi.app(document, "Imported Role Tool")
          .get("strategy").get("roles");
      for (int i = roles.size() - 1; i >= 0; i--) {
        if (roles.get(i).get("name").asString().equals("editor")) {
          roles.remove(i);
        }
      }
    });
    admin.importYaml(yaml, false, "Editors dropped").then().statusCode(200);

    assertThat(requests.state(archived)).isEqualTo("CLOSED");
    assertThat(requests.state(imported)).isEqualTo("CLOSED");
    assertThat(sesame.notices("megha.mishra")).anyMatch(n -> n.contains("archived"));
    assertThat(sesame.notices("wambui.ochieng")).anyMatch(n -> n.contains("the role editor was removed"));
  }

  @Test
  void override_whenTheAppWasDisabledUnderAStuckRequest_thenApprovingConflictsAndDenyingWorks() {
    String person = "kavita.tiwari";
    requests.group("stuck-board", person);
    requests.group("stuck-tool");
    sesame.as(ADMIN).body(Map.of("changeDescription", "for a test", "policy", Map.of("name", "stuck board",
            "fallback", List.of(), "stages", List.of(Map.of("name", "Board", "approvers", List.of("group:stuck-board"))))))
        .put("/api/policies/{name}", "stuck board").then().statusCode(201);
    requests.groupApp("Stuck Tool", "stuck board", "stuck-tool");
    String id = requests.submit(person, "Stuck Tool", null);
    assertThat(requests.state(id)).isEqualTo("NEEDS_ATTENTION");

    admin.change("Stuck Tool", "Retired", entry -> entry.put("enabledInBot", false));
    Response approval = sesame.as(ADMIN).body(Map.of("verdict", "approve", "reason", "reviewed"))
        .post("/api/requests/{id}/override", id);

    approval.then().statusCode(409);
    assertThat(approval.<String>path("detail")).contains("can no longer be requested");
    sesame.as(ADMIN).body(Map.of("verdict", "deny", "reason", "the app is retired"))
        .post("/api/requests/{id}/override", id).then().statusCode(200);
    assertThat(requests.state(id)).isEqualTo("DENIED");
    assertThat(directory.count("add", dn(person))).isZero();
  }

  @Test
  void heldRoleDeleted_withoutAChoice_then409NamingHowManyHoldItAndNothingChanges() {
    requests.group("held-deploy");
    requests.group("held-view");
    requests.roleApp("Held Deploy Tool", "change pair", Map.of("deploy", "held-deploy", "view", "held-view",
        "auditor", "held-deploy-tool-auditor"));
    grant("Held Deploy Tool", "deploy", "kwame.mensah", "jiwoo.lim");
    int version = admin.version("Held Deploy Tool");

    Response refused = admin.tryChange("Held Deploy Tool", "No more deploy role", entry ->
        CatalogApi.roles(entry).removeIf(r -> r.get("name").equals("deploy")));

    refused.then().statusCode(409);
    assertThat(refused.<String>path("detail")).contains("2 people hold the role 'deploy'").contains("heldAccess");
    assertThat(refused.<String>path("field")).isEqualTo("heldAccess");
    assertThat(refused.<Integer>path("holders")).isEqualTo(2);
    assertThat(admin.version("Held Deploy Tool")).isEqualTo(version);
    Response wrong = saveWithChoice("Held Deploy Tool", "perhaps", entry ->
        CatalogApi.roles(entry).removeIf(r -> r.get("name").equals("deploy")));
    wrong.then().statusCode(400);
    assertThat(wrong.<String>path("errors[0].field")).isEqualTo("heldAccess");
    assertThat(sesame.membersOf(groupDn("held-deploy"))).contains(dn("kwame.mensah"), dn("jiwoo.lim"));
  }

  @Test
  void heldRoleDeleted_withRemove_thenBothAreRemovedFromTheDirectoryAndTheirGrantsEndWithTheReason() {
    requests.roleApp("Removed Deploy Tool", "change pair", Map.of("deploy", "removed-deploy", "view", "removed-view",
        "auditor", "removed-auditor"));
    List<String> people = List.of("jens.pohl", "max.dawson");
    grant("Removed Deploy Tool", "deploy", people.toArray(String[]::new));

    saveWithChoice("Removed Deploy Tool", "remove", entry ->
        CatalogApi.roles(entry).removeIf(r -> r.get("name").equals("deploy"))).then().statusCode(200);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(sesame.membersOf(groupDn("removed-deploy"))).doesNotContain(dn("jens.pohl"), dn("max.dawson")));
    for (String person : people) {
      assertThat(directory.count("delete", dn(person))).isEqualTo(1);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(requests.grants(person)).singleElement()
          .satisfies(g -> {
            assertThat(g.get("state")).isEqualTo("ENDED");
            assertThat(g.get("endReason").toString()).contains("the role deploy was removed from Removed Deploy Tool");
            assertThat(g.get("endedBy")).isEqualTo(ADMIN);
          }));
    }
    assertThat(requests.about("app:Removed Deploy Tool", "catalog.held-access")).singleElement().satisfies(e -> {
      assertThat(e.get("actor")).isEqualTo(ADMIN);
      assertThat(Requesting.details(e)).containsEntry("choice", "remove").containsEntry("holders", 2)
          .containsEntry("role", "deploy");
    });
  }

  @Test
  void heldRoleDeleted_withKeep_thenTheyStayInTheGroupAndTheGrantsAreUnmanaged() {
    requests.roleApp("Kept Deploy Tool", "change pair", Map.of("deploy", "kept-deploy", "view", "kept-view",
        "auditor", "kept-auditor"));
    grant("Kept Deploy Tool", "deploy", "jason.lin", "julia.moeller");

    saveWithChoice("Kept Deploy Tool", "keep", entry ->
        CatalogApi.roles(entry).removeIf(r -> r.get("name").equals("deploy"))).then().statusCode(200);

    assertThat(sesame.membersOf(groupDn("kept-deploy"))).contains(dn("jason.lin"), dn("julia.moeller"));
    assertThat(requests.grants("jason.lin")).singleElement().satisfies(g -> assertThat(g.get("state")).isEqualTo("UNMANAGED"));
    assertThat(requests.grants("julia.moeller")).singleElement().satisfies(g -> assertThat(g.get("state")).isEqualTo("UNMANAGED"));
    assertThat(directory.count("delete", dn("jason.lin"))).isZero();
    assertThat(requests.about("app:Kept Deploy Tool", "catalog.held-access")).singleElement()
        .satisfies(e -> assertThat(Requesting.details(e)).containsEntry("choice", "keep"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void consoleEditor_whenAHeldRoleIsDeleted_thenAsksWhatHappensAndKeepsTheAccessUnmanagedWhenTold() {
    String app = "Console Deploy Tool";
    requests.roleApp(app, "change pair", Map.of("deploy", "console-deploy", "view", "console-view",
        "auditor", "console-auditor"));
    grant(app, "deploy", "benjamin.katz");
    int before = admin.version(app);

    try (Browser browser = new Browser(sesame)) {
      browser.signIn(ADMIN);
      browser.waitFor(By.cssSelector(".topbar"));
      browser.open("/admin/catalog");
      browser.driver().findElement(By.cssSelector("tr[data-app='" + app + "'] a.edit")).click();
      browser.waitFor(By.id("changeDescription"));
      int row = 0;
      while (!browser.driver().findElement(By.id("roles-" + row + "-name")).getAttribute("value").equals("deploy")) {
        row++;
      }
      click(browser, "#app-form button[value='remove-role:" + row + "']:not(.visually-hidden)");
      browser.type(By.id("changeDescription"), "Deploys go through the pipeline now");
      click(browser, "#app-form button#save");

      String question = browser.waitFor(By.cssSelector(".held-access")).getText();
      assertThat(question).contains("1 person holds the role 'deploy' of " + app).contains("What should happen")
          .contains("Remove their access").contains("Keep it, unmanaged");
      assertThat(admin.version(app)).isEqualTo(before);
      browser.screenshot("console-held-role-question");
      click(browser, "#held-keep");
      browser.waitForText(By.cssSelector(".notice"), "Saved " + app + " as version " + (before + 1));
    }
    assertThat(CatalogApi.roles((Map<String, Object>) admin.read(app).get("app")))
        .extracting(r -> r.get("name")).doesNotContain("deploy");
    assertThat(requests.grants("benjamin.katz")).singleElement()
        .satisfies(g -> assertThat(g.get("state")).isEqualTo("UNMANAGED"));
    assertThat(sesame.membersOf(groupDn("console-deploy"))).contains(dn("benjamin.katz"));
    assertThat(requests.about("app:" + app, "catalog.held-access")).singleElement()
        .satisfies(e -> assertThat(Requesting.details(e)).containsEntry("choice", "keep"));
  }

  // ---------------------------------------------------------------------------------------------
  // Deleted things still display

  @Test
  void requestsAndGrants_whenTheirAppAndRoleAreGone_thenStillDisplayed() {
    requests.group("gone-viewer");
    requests.group("gone-editor");
    requests.roleApp("Gone Tool", "change pair", Map.of("viewer", "gone-viewer", "editor", "gone-editor",
        "auditor", "gone-tool-auditor"));
    String person = "tewodros.mekonnen";
    String granted = requests.submit(person, "Gone Tool", "viewer");
    requests.approve(FIRST, granted).then().statusCode(200);
    requests.awaitState(granted, "FULFILLED");
    String waiting = requests.submit(person, "Gone Tool", "editor");
    admin.change("Gone Tool", "No editors", entry ->
        CatalogApi.roles(entry).removeIf(r -> r.get("name").equals("editor")));
    sesame.as(ADMIN).queryParam("version", admin.version("Gone Tool")).queryParam("reason", "Gone")
        .delete("/api/apps/{name}", "Gone Tool").then().statusCode(200);

    assertThat(sesame.as(person).get("/api/requests/{id}", waiting).then().statusCode(200).extract()
        .<String>path("state")).isEqualTo("CLOSED");
    assertThat(sesame.as(person).get("/api/requests/{id}", granted).then().statusCode(200).extract()
        .<String>path("role")).isEqualTo("viewer");
    assertThat(sesame.as(person).get("/api/requests").then().statusCode(200).extract().<List<String>>path("app"))
        .containsOnly("Gone Tool");
    assertThat(requests.grants(person)).singleElement().satisfies(g -> assertThat(g.get("app")).isNotNull());
    assertThat(sesame.chat(person, "my requests")).contains("**Gone Tool** (editor) — closed")
        .contains("**Gone Tool** (viewer) — done");
    WebSession console = WebSession.signIn(sesame, ADMIN);
    for (String id : List.of(waiting, granted)) {
      Response page = console.request().get("/admin/requests/{id}", id);
      page.then().statusCode(200);
      assertThat(page.asString()).contains("Gone Tool");
    }
    console.request().get("/admin/requests").then().statusCode(200);
    assertThat(sesame.chat(person, "can I get gone tool?")).doesNotContain("error");
  }

  // ---------------------------------------------------------------------------------------------
  // The requester changes

  @Test
  void requesterDeactivated_whileWaiting_thenApprovalConflictsNothingGrantedApproverTold() {
    requests.group("leaver-tool");
    requests.groupApp("Leaver Tool", "change pair", "leaver-tool");
    String person = "ashwin.kamath";
    String id = requests.submit(person, "Leaver Tool", null);
    directory.deactivate(person);

    Response approval = requests.approve(FIRST, id);

    approval.then().statusCode(409);
    assertThat(approval.<String>path("detail")).contains(person + " is no longer active in the directory");
    assertThat(requests.state(id)).isEqualTo("CLOSED");
    assertThat(sesame.notices(FIRST)).anyMatch(n -> n.contains("was closed") && n.contains("no longer active"));
    assertThat(sesame.notices(SECOND)).anyMatch(n -> n.contains("was closed"));
    assertThat(requests.audit(id, "request.decided")).isEmpty();
    assertThat(directory.count("add", dn(person))).isZero();
    assertThat(requests.approvals(SECOND)).doesNotContain(id);
    requests.approve(SECOND, id).then().statusCode(409);
  }

  @Test
  void requesterDeactivated_afterApprovalBeforeProvisioning_thenClosedAndNothingGranted() {
    requests.group("late-leaver-tool");
    requests.groupApp("Late Leaver Tool", "change pair", "late-leaver-tool");
    String person = "hillary.powell";
    String id = requests.submit(person, "Late Leaver Tool", null);
    directory.refuseNextModifies(1000, com.unboundid.ldap.sdk.ResultCode.BUSY);
    try {
      requests.approve(FIRST, id).then().statusCode(200);
      await().atMost(Duration.ofSeconds(30)).until(() -> requests.audit(id, "provisioning.step").stream()
          .anyMatch(e -> "retry".equals(Requesting.details(e).get("step"))));
      directory.deactivate(person);
    } finally {
      directory.refuseNextModifies(0, com.unboundid.ldap.sdk.ResultCode.BUSY);
    }

    // NB. The busy directory asked for a retry in 30 seconds.
    await().atMost(Duration.ofSeconds(75)).untilAsserted(() -> assertThat(requests.state(id)).isEqualTo("CLOSED"));
    assertThat(directory.count("add", dn(person))).isZero();
    assertThat(requests.audit(id, "grant.provisioned")).isEmpty();
    assertThat(requests.audit(id, "request.closed")).singleElement().satisfies(e ->
        assertThat(Requesting.details(e).get("reason").toString()).contains(person + " is no longer active"));
  }

  // ---------------------------------------------------------------------------------------------

  /** Clicks what the selector finds and waits for the next page. */
  private static void click(Browser browser, String selector) {
    WebElement page = browser.driver().findElement(By.tagName("html"));
    browser.driver().findElement(By.cssSelector(selector)).click();
    browser.waitUntilGone(page);
    browser.waitFor(By.cssSelector("main"));
  }

  /** Each person asks for the role, an approver approves, and the access is confirmed. */
  private static void grant(String app, String role, String... people) {
    for (String person : people) {
      String id = requests.submit(person, app, role);
      requests.approve(FIRST, id).then().statusCode(200);
      requests.awaitState(id, "FULFILLED");
    }
  }

  /** Reads the app, edits its entry and saves it with {@code heldAccess}. */
  private static Response saveWithChoice(String app, String choice, java.util.function.Consumer<Map<String, Object>> edit) {
    Map<String, Object> current = admin.read(app);
    @SuppressWarnings("unchecked")
    Map<String, Object> entry = (Map<String, Object>) current.get("app");
    edit.accept(entry);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", current.get("version"));
    body.put("changeDescription", "Role deleted, access " + choice);
    body.put("heldAccess", choice);
    body.put("app", entry);
    return sesame.as(ADMIN).body(body).put("/api/apps/{name}", app);
  }
}
