package dev.sesame.e2e;

import static dev.sesame.e2e.CatalogApi.aliases;
import static dev.sesame.e2e.CatalogApi.roles;
import static dev.sesame.e2e.CatalogApi.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every task of the admin guide as an API call by a catalog admin, followed by the very next
 * conversation of an employee, which must already reflect the change: no restart, no cache. Each
 * test uses its own apps and people, so the tests share one running Sesame.
 */
class CatalogAdminIT {

  private static final String ADMIN = "sam.patel";
  private static final String OTHER_ADMIN = "erin.cole";
  private static final String EMPLOYEE = "jessica.roberts";
  private static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  private static final String MIRO_USERS = "cn=miro-users" + GROUPS;
  private static final String LOOKER_DEVELOPER = "cn=looker-developer" + GROUPS;

  private final RunningSesame sesame = RunningSesame.shared();
  private final CatalogApi admin = new CatalogApi(sesame, ADMIN);

  // ---------------------------------------------------------------------------------------------
  // What people see

  @Test
  void update_whenSelfServiceTitleAndBodyChange_thenChatShowsTheNewInstructions() {
    assertThat(sesame.chat("yaa.amoah", "can I get loom?")).contains("**Join the Brightwave Loom workspace**");

    admin.change("Loom", "New Loom onboarding after the move to Atlassian accounts", app -> {
      strategy(app).put("title", "Sign in to Loom with your Atlassian account");
      strategy(app).put("body", "Loom now lives in our Atlassian organization.\n\n"
          + "1. Go to **https://www.loom.com/login** and choose **Continue with Atlassian**.\n"
          + "2. Record with the desktop app; videos are shared with Brightwave by default.");
    });

    assertThat(sesame.chat("yaa.amoah", "can I get loom?"))
        .startsWith("**Sign in to Loom with your Atlassian account**")
        .contains("Loom now lives in our Atlassian organization.")
        .contains("choose **Continue with Atlassian**")
        .doesNotContain("Join the Brightwave Loom workspace")
        .doesNotContain("Continue with SSO");
  }

  @Test
  void update_whenLinksPretextAndLinksChange_thenChatShowsThem() {
    admin.change("Slack", "Point people at the etiquette guide first", app -> {
      app.put("linksPretext", "Before you post in Slack:");
      app.put("links", List.of(
          link("Slack etiquette at Brightwave", "https://it.brightwave.example/kb/slack-etiquette"),
          link("Brightwave Slack workspace", "https://brightwave.slack.com")));
    });

    assertThat(sesame.chat("felipe.gomes", "how do I get slack?"))
        .contains("Before you post in Slack:\n"
            + "- [Slack etiquette at Brightwave](https://it.brightwave.example/kb/slack-etiquette)\n"
            + "- [Brightwave Slack workspace](https://brightwave.slack.com)")
        .doesNotContain("Getting started with Slack:")
        .doesNotContain("Slack help center");
  }

  @Test
  void update_whenExternalIdPointsToAnotherGroup_thenThatGroupsMembersAlreadyHaveAccess() {
    assertThat(sesame.membersOf(MIRO_USERS)).contains("uid=mariana.dominguez,ou=people,dc=brightwave,dc=example");
    assertThat(sesame.chat("mariana.dominguez", "can I get lucidchart?"))
        .contains("I'll request **Lucidchart**").contains("your manager Isabel Romero");
    assertThat(sesame.chat("mariana.dominguez", "no")).contains("I haven't requested anything");

    admin.change("Lucidchart", "Lucid seats now come with the Miro licence group",
        app -> strategy(app).put("externalId", MIRO_USERS));

    assertThat(sesame.chat("mariana.dominguez", "can I get lucidchart?"))
        .startsWith("You already have access to **Lucidchart**");
  }

  @Test
  void update_whenExternalIdIsNoGroupInTheDirectory_thenRefusedOnThatFieldAndNothingSaved() {
    Map<String, Object> before = admin.read("DocuSign");

    Response response = admin.tryChange("DocuSign", "Typo in the group",
        app -> strategy(app).put("externalId", "cn=docusign-senderz" + GROUPS));

    response.then().statusCode(400);
    assertThat(fields(response)).containsExactly("app.strategy.externalId");
    assertThat(admin.read("DocuSign")).isEqualTo(before);
  }

  @Test
  void update_whenRolesAreAddedChangedAndDeleted_thenChatListsTheCurrentRoles() {
    String person = "keerthi.prabhu";
    assertThat(sesame.chat(person, "can I get looker?"))
        .contains("1. **Viewer**").contains("2. **Explorer**").contains("3. **Developer**");
    sesame.chat(person, "cancel");

    admin.change("Looker", "Viewer is for people who only read dashboards", app ->
        roles(app).get(0).put("hint", "For people who only read dashboards someone else built."));
    assertThat(sesame.chat(person, "can I get looker?"))
        .contains("1. **Viewer** — View and schedule existing dashboards and Looks."
            + " _For people who only read dashboards someone else built._")
        .doesNotContain("For anyone who reads the company and team dashboards.");
    sesame.chat(person, "cancel");

    admin.change("Looker", "LookML development is now requested through the data team",
        app -> roles(app).removeIf(role -> role.get("name").equals("developer")));
    assertThat(sesame.chat(person, "can I get looker?"))
        .contains("1. **Viewer**").contains("2. **Explorer**")
        .doesNotContain("Developer").doesNotContain("3.");
    sesame.chat(person, "cancel");

    admin.change("Looker", "LookML developers come back as their own role", app -> roles(app).add(role(
        "lookml-developer", "LookML developer", "Change LookML models in a development branch.",
        LOOKER_DEVELOPER, "For analytics engineers of the data team.")));
    assertThat(sesame.chat(person, "can I get looker?"))
        .contains("3. **LookML developer** — Change LookML models in a development branch."
            + " _For analytics engineers of the data team._");
    sesame.chat(person, "cancel");
  }

  @Test
  void update_whenOnlyOneRoleWouldRemain_thenRefusedOnRolesAndNothingSaved() {
    Map<String, Object> before = admin.read("PagerDuty");

    Response response = admin.tryChange("PagerDuty", "Everyone is a responder now",
        app -> roles(app).removeIf(role -> !role.get("name").equals("responder")));

    response.then().statusCode(400);
    assertThat(fields(response)).containsExactly("app.strategy.roles");
    assertThat(admin.read("PagerDuty")).isEqualTo(before);
    assertThat(roles(entry(admin.read("PagerDuty")))).hasSize(3);
  }

  @Test
  void update_whenDisabledInBot_thenChatSendsPeopleElsewhere_andWhenEnabledAgain_thenChatOffersIt() {
    String person = "lars.johansson";

    admin.change("Confluence", "Licence true-up: requests paused until the renewal", app -> app.put("enabledInBot", false));
    assertThat(sesame.chat(person, "can I get confluence?"))
        .startsWith("**Confluence** can't be requested here.")
        .contains("Confluence at Brightwave:")
        .doesNotContain("(yes/no)");

    admin.change("Confluence", "Renewal done, requests open again", app -> app.put("enabledInBot", true));
    assertThat(sesame.chat(person, "can I get confluence?"))
        .isEqualTo("I can get you **Confluence** right away; it needs no approval. Shall I go ahead? (yes/no)");
    assertThat(sesame.chat(person, "no")).contains("I haven't requested anything");
  }

  @Test
  void update_whenApprovalFlowChanges_thenChatNamesTheNewApprovers() {
    String person = "christine.park";

    admin.change("Asana", "Asana seats are paid by the team now: the manager decides",
        app -> app.put("approvalFlow", "MANAGER"));
    assertThat(sesame.chat(person, "can I get asana?"))
        .isEqualTo("I'll request **Asana**. It needs approval from your manager Ethan Goldstein. "
            + "Shall I submit the request? (yes/no)");
    assertThat(sesame.chat(person, "no")).contains("I haven't requested anything");

    admin.change("Asana", "Company-wide Asana licence: no approval again",
        app -> app.put("approvalFlow", "AUTO_APPROVE"));
    assertThat(sesame.chat(person, "can I get asana?"))
        .isEqualTo("I can get you **Asana** right away; it needs no approval. Shall I go ahead? (yes/no)");
    assertThat(sesame.chat(person, "no")).contains("I haven't requested anything");
  }

  // ---------------------------------------------------------------------------------------------
  // Creating and archiving

  @Test
  void create_whenNewAppIsSaved_thenChatFindsIt_andArchive_thenChatNoLongerDoes() {
    String person = "luke.holland";
    assertThat(sesame.chat(person, "can I get excalidraw?")).startsWith("I couldn't find");

    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", "Excalidraw");
    entry.put("aliases", List.of("sketch board"));
    entry.put("accessRule", "true");
    entry.put("approvalFlow", "AUTO_APPROVE");
    entry.put("linksPretext", "Excalidraw resources:");
    entry.put("links", List.of(link("Brightwave Excalidraw", "https://draw.brightwave.example")));
    entry.put("strategy", Map.of("type", "SELF_SERVICE", "title", "Open the Brightwave Excalidraw",
        "body", "Go to **https://draw.brightwave.example** and sign in with Okta."));
    Response created = admin.create("Whiteboard sketches for everyone", entry);

    created.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/apps/Excalidraw"));
    assertThat((Integer) created.path("version")).isEqualTo(1);
    assertThat((String) created.path("changedBy")).isEqualTo(ADMIN);
    assertThat(sesame.chat(person, "can I get excalidraw?"))
        .startsWith("**Open the Brightwave Excalidraw**")
        .contains("- [Brightwave Excalidraw](https://draw.brightwave.example)");
    assertThat(sesame.chat(person, "I need the sketch board")).startsWith("**Open the Brightwave Excalidraw**");

    sesame.as(ADMIN).queryParam("version", 1).queryParam("reason", "Replaced by Miro boards")
        .delete("/api/apps/{name}", "Excalidraw").then().statusCode(200);

    assertThat(sesame.chat(person, "can I get excalidraw?")).startsWith("I couldn't find \"excalidraw\"");
    assertThat(names(sesame.as(EMPLOYEE).get("/api/apps"))).doesNotContain("Excalidraw");
    Map<String, Object> archived = admin.read("Excalidraw");
    assertThat(archived).containsEntry("archived", true).containsEntry("version", 2)
        .containsEntry("changeDescription", "Replaced by Miro boards");
  }

  // ---------------------------------------------------------------------------------------------
  // Concurrent edits, permissions, history

  @Test
  void update_whenVersionReadIsStale_thenConflictAndStoredVersionUnchanged() {
    Map<String, Object> read = admin.read("Workday");
    int versionRead = (Integer) read.get("version");
    new CatalogApi(sesame, OTHER_ADMIN).change("Workday", "Add the benefits alias",
        app -> aliases(app).add("benefits"));

    Map<String, Object> mine = entry(read);
    mine.put("linksPretext", "Everything about Workday:");
    Response response = admin.put("Workday", versionRead, "Friendlier pretext", mine);

    response.then().statusCode(409);
    assertThat((String) response.path("detail")).contains("changed by " + OTHER_ADMIN)
        .contains("you read version " + versionRead);
    Map<String, Object> stored = admin.read("Workday");
    assertThat(stored).containsEntry("version", versionRead + 1).containsEntry("changedBy", OTHER_ADMIN);
    assertThat(entry(stored)).containsEntry("linksPretext", "Workday at Brightwave:");
  }

  @Test
  void changes_whenPersonIsNotCatalogAdmin_thenForbidden_butEveryoneCanRead() {
    Map<String, Object> before = admin.read("Calendly");
    Map<String, Object> entry = entry(admin.read("Calendly"));
    entry.put("enabledInBot", false);
    String yaml = admin.export();

    sesame.as(EMPLOYEE).body(Map.of("version", before.get("version"), "changeDescription", "mine now", "app", entry))
        .put("/api/apps/{name}", "Calendly").then().statusCode(403);
    Map<String, Object> copy = new LinkedHashMap<>(entry);
    copy.put("name", "Calendly Copy");
    copy.put("aliases", List.of());
    sesame.as(EMPLOYEE).body(Map.of("changeDescription", "a copy", "app", copy))
        .post("/api/apps").then().statusCode(403);
    sesame.as(EMPLOYEE).queryParam("version", before.get("version")).delete("/api/apps/{name}", "Calendly")
        .then().statusCode(403);
    for (boolean dryRun : new boolean[] {true, false}) {
      new CatalogApi(sesame, EMPLOYEE).importYaml(yaml, dryRun).then().statusCode(403);
    }

    assertThat(admin.read("Calendly")).isEqualTo(before);
    assertThat(new CatalogApi(sesame, EMPLOYEE).read("Calendly")).isEqualTo(before);
    assertThat(names(sesame.as(EMPLOYEE).get("/api/apps"))).contains("Calendly").doesNotContain("Calendly Copy");
    sesame.as(EMPLOYEE).get("/api/apps/{name}/history", "Calendly").then().statusCode(200);
    assertThat(new CatalogApi(sesame, EMPLOYEE).export()).contains("name: Calendly");
  }

  @Test
  void history_whenAppChangedTwice_thenListsEveryVersionWithWhoWhenAndWhy() {
    new CatalogApi(sesame, OTHER_ADMIN).change("Tailscale", "Mention the exit nodes",
        app -> strategy(app).put("title", "Connect to Brightwave and its exit nodes with Tailscale"));
    admin.change("Tailscale", "Personal devices may join with MFA now",
        app -> aliases(app).add("mesh vpn"));

    List<Map<String, Object>> history = sesame.as(EMPLOYEE).get("/api/apps/{name}/history", "Tailscale")
        .then().statusCode(200).extract().path("$");

    assertThat(history).extracting(v -> v.get("version")).containsExactly(3, 2, 1);
    assertThat(history).extracting(v -> v.get("changedBy")).containsExactly(ADMIN, OTHER_ADMIN, "sesame");
    assertThat(history).extracting(v -> v.get("changeDescription"))
        .containsExactly("Personal devices may join with MFA now", "Mention the exit nodes", "Initial catalog");
    assertThat(history).allSatisfy(v -> assertThat((String) v.get("changedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    assertThat(java.time.Instant.parse((String) history.get(0).get("changedAt")))
        .isAfterOrEqualTo(java.time.Instant.parse((String) history.get(1).get("changedAt")));
    assertThat(entry(history.get(0))).extracting(e -> e.get("aliases")).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("mesh vpn");
    assertThat(strategy(entry(history.get(2)))).containsEntry("title", "Connect to the Brightwave network with Tailscale");
  }

  // ---------------------------------------------------------------------------------------------
  // YAML export and import

  @Test
  void importYaml_whenExportIsImportedUnchanged_thenDryRunSaysEveryAppUnchanged() {
    String yaml = admin.export();
    List<String> current = names(sesame.as(ADMIN).get("/api/apps"));

    Response dryRun = admin.importYaml(yaml, true);

    dryRun.then().statusCode(200);
    assertThat((Boolean) dryRun.path("ok")).isTrue();
    assertThat((List<?>) dryRun.path("errors")).isEmpty();
    Map<String, String> changes = dryRun.path("changes");
    // NB. Other tests on this instance may have written policies: the export carries them too.
    assertThat(changes.keySet().stream().filter(k -> !k.startsWith("policy ")).toList())
        .containsExactlyInAnyOrderElementsOf(current);
    assertThat(changes.values()).containsOnly("UNCHANGED");
  }

  @Test
  void importYaml_whenExportGetsAnAlias_thenOnlyThatAppIsUpdatedAndChatKnowsTheAlias() {
    String person = "noam.schwartz";
    assertThat(sesame.chat(person, "can I get the writing assistant?")).startsWith("I couldn't find");
    int before = admin.version("Grammarly");
    String yaml = CatalogApi.withAlias(admin.export(), "Grammarly", "writing assistant");

    Response dryRun = admin.importYaml(yaml, true);
    dryRun.then().statusCode(200);
    Map<String, String> planned = dryRun.path("changes");
    assertThat(planned).containsEntry("Grammarly", "UPDATED");
    assertThat(planned).allSatisfy((app, change) -> assertThat(change).isEqualTo(app.equals("Grammarly") ? "UPDATED" : "UNCHANGED"));
    assertThat(admin.version("Grammarly")).isEqualTo(before);

    Response applied = admin.importYaml(yaml, false, "People call it the writing assistant");

    applied.then().statusCode(200);
    assertThat(applied.<Map<String, String>>path("changes")).isEqualTo(planned);
    Map<String, Object> grammarly = admin.read("Grammarly");
    assertThat(grammarly).containsEntry("version", before + 1).containsEntry("changedBy", ADMIN)
        .containsEntry("changeDescription", "People call it the writing assistant");
    assertThat(sesame.chat(person, "can I get the writing assistant?"))
        .startsWith("**Join the Brightwave Grammarly team**");
  }

  @Test
  void update_whenTheAppLevelAccessDurationChanges_thenReadExportAndImportKeepIt() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", "Mural");
    entry.put("accessRule", "true");
    entry.put("approvalFlow", "AUTO_APPROVE");
    entry.put("strategy", Map.of("type", "GROUP", "system", "corp-ldap", "externalId", MIRO_USERS));
    entry.put("accessDuration", Map.of("mode", "OPTIONAL", "max", "P30D"));
    admin.create("Mural boards for a while", entry).then().statusCode(201);

    Map<String, Object> updated = admin.change("Mural", "Mural access must end within two weeks",
        app -> app.put("accessDuration", Map.of("mode", "REQUIRED", "max", "P14D")));

    assertThat(updated).containsEntry("version", 2);
    assertThat(updated.get("app")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("accessDuration", Map.of("mode", "REQUIRED", "max", "P14D"));
    assertThat(admin.read("Mural").get("app")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("accessDuration", Map.of("mode", "REQUIRED", "max", "P14D"));

    String yaml = CatalogApi.edit(admin.export(), document -> {
      tools.jackson.databind.node.ObjectNode mural = CatalogApi.app(document, "Mural");
      assertThat(mural.get("accessDuration").get("max").asString()).isEqualTo("P14D");
      mural.withObject("accessDuration").put("max", "P7D");
    });
    admin.importYaml(yaml, false, "Mural access ends within a week").then().statusCode(200);

    assertThat(admin.read("Mural")).containsEntry("version", 3).extracting("app")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("accessDuration", Map.of("mode", "REQUIRED", "max", "P7D"));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static Map<String, Object> link(String label, String url) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("label", label);
    link.put("url", url);
    return link;
  }

  private static Map<String, Object> role(String name, String displayName, String description, String group, String hint) {
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("name", name);
    role.put("displayName", displayName);
    role.put("description", description);
    role.put("externalId", group);
    role.put("hint", hint);
    return role;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entry(Map<String, Object> view) {
    return (Map<String, Object>) view.get("app");
  }

  private static List<String> fields(Response response) {
    List<String> fields = response.path("errors.field");
    return new ArrayList<>(fields);
  }

  private static List<String> names(Response apps) {
    return apps.then().statusCode(200).extract().path("name");
  }
}
