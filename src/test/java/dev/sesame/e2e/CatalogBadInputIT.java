package dev.sesame.e2e;

import static dev.sesame.e2e.CatalogApi.app;
import static dev.sesame.e2e.CatalogApi.roles;
import static dev.sesame.e2e.CatalogApi.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad catalog input, through the REST API and the YAML import: each is answered with 400 and a
 * list of {@code {field, reason}} naming the field, and nothing is saved. Import documents are
 * built from a fresh export, so that even a wrongly accepted one would leave the catalog as it is.
 */
class CatalogBadInputIT {

  private static final String ADMIN = "erin.cole";
  private static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  private static final String SAMPLE_GROUP = "cn=sentry-users" + GROUPS;

  private final RunningSesame sesame = RunningSesame.shared();
  private final CatalogApi admin = new CatalogApi(sesame, ADMIN);

  // ---------------------------------------------------------------------------------------------
  // YAML import

  @Test
  void importYaml_whenTextIsNotYaml_thenRefusedOnYamlWithItsLine() {
    String before = admin.export();
    String broken = "apps:\n  - name: Whiteboard Pro\n    aliases: [sketch, board\n";

    Response dryRun = admin.importYaml(broken, true);
    Response applied = admin.importYaml(broken, false);

    for (Response response : List.of(dryRun, applied)) {
      assertThat(refused(response)).containsExactly("yaml");
      assertThat(reasons(response).get(0)).contains("line ");
    }
    assertThat((Boolean) dryRun.path("ok")).isFalse();
    assertThat(dryRun.<Map<String, String>>path("changes")).isEmpty();
    assertThat(admin.export()).isEqualTo(before);
  }

  @Test
  void importYaml_whenKeysAreUnknown_thenEachIsNamedWithItsPath() {
    String before = admin.export();
    String yaml = CatalogApi.edit(before, document -> {
      document.put("version", 2);
      app(document, "Postman").put("colour", "orange");
      ((ObjectNode) app(document, "Gong").get("strategy")).put("ldapFilter", "(cn=gong*)");
      ((ObjectNode) app(document, "Zendesk").get("strategy").get("roles").get(1)).put("seats", 40);
    });
    String postman = "apps[" + CatalogApi.indexOf(before, "Postman") + "]";
    String gong = "apps[" + CatalogApi.indexOf(before, "Gong") + "]";
    String zendesk = "apps[" + CatalogApi.indexOf(before, "Zendesk") + "]";

    for (boolean dryRun : new boolean[] {true, false}) {
      assertThat(refused(admin.importYaml(yaml, dryRun))).containsExactlyInAnyOrder(
          "version", postman + ".colour", gong + ".strategy.ldapFilter", zendesk + ".strategy.roles[1].seats");
    }
    assertThat(admin.export()).isEqualTo(before);
  }

  @Test
  void importYaml_whenOneAppIsBad_thenNothingOfTheDocumentIsApplied() {
    String before = admin.export();
    int docker = admin.version("Docker Desktop");
    String yaml = CatalogApi.edit(before, document -> {
      app(document, "Docker Desktop").withArray("aliases").add("containers");
      ((ObjectNode) app(document, "Postman").get("links").get(0)).put("url", "ftp://learning.postman.com/docs/");
    });

    Response response = admin.importYaml(yaml, false);

    assertThat(refused(response)).containsExactly("apps[" + CatalogApi.indexOf(before, "Postman") + "].links[0].url");
    assertThat(admin.version("Docker Desktop")).isEqualTo(docker);
    assertThat(admin.export()).isEqualTo(before);
  }

  @Test
  void importYaml_whenSeveralAppsAreBad_thenDryRunReportsEveryErrorAtOnce() {
    String yaml = """
        apps:
          - name: Whiteboard Pro
            strategy: {type: SELF_SERVICE, title: Open it, body: Sign in with Okta.}
          - name: Diagram Hub
            linksPretext: "Diagram Hub resources:"
            links:
              - {label: Downloads, url: "ftp://files.diagramhub.example"}
            strategy: {type: SELF_SERVICE, title: Open it, body: Sign in with Okta.}
          - name: Metrics Lab
            accessRule: "user.department == "
            strategy: {type: GROUP, system: corp-ldap, externalId: "%s"}
          - name: Query Desk
            approvalFlow: APP_ADMIN
            strategy: {type: GROUP, system: okta-prod, externalId: "%s"}
          - name: Ticket Tower
            strategy:
              type: ROLE
              system: corp-ldap
              roles:
                - {name: agent, externalId: "%s"}
                - {name: Agent, externalId: "%s"}
        """.formatted(SAMPLE_GROUP, SAMPLE_GROUP, SAMPLE_GROUP, SAMPLE_GROUP);

    Response response = admin.importYaml(yaml, true);

    Set<String> fields = new LinkedHashSet<>(refused(response));
    assertThat(fields).hasSizeGreaterThanOrEqualTo(3).contains(
        "apps[1].links[0].url", "apps[2].accessRule", "apps[3].appAdmins", "apps[4].strategy.roles[1].name");
    assertThat(fields).noneMatch(f -> f.startsWith("apps[0]"));
    assertThat(response.<Map<String, String>>path("changes")).isEmpty();
    sesame.as(ADMIN).get("/api/apps/{name}", "Whiteboard Pro").then().statusCode(404);
  }

  // ---------------------------------------------------------------------------------------------
  // Creating an app

  @Test
  void create_whenKeysAreUnknown_thenEachIsNamedWithItsPath() {
    Map<String, Object> entry = roleApp("Query Desk");
    entry.put("colour", "teal");
    strategy(entry).put("ldapFilter", "(cn=query*)");
    roles(entry).get(0).put("seats", 12);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("changeDescription", "New query tool");
    body.put("app", entry);
    body.put("owner", "erin.cole");

    Response response = sesame.as(ADMIN).body(body).post("/api/apps");

    assertThat(refused(response)).containsExactlyInAnyOrder(
        "owner", "app.colour", "app.strategy.ldapFilter", "app.strategy.roles[0].seats");
    assertNotSaved("Query Desk");
  }

  @Test
  void create_whenTwoRolesHaveTheSameName_thenRefusedOnTheSecond() {
    Map<String, Object> entry = roleApp("Ticket Tower");
    roles(entry).get(1).put("name", "Agent");

    assertThat(refused(admin.create("New ticketing tool", entry))).containsExactly("app.strategy.roles[1].name");
    assertNotSaved("Ticket Tower");
  }

  @Test
  void create_whenAccessRuleDoesNotCompile_thenRefusedOnAccessRule() {
    Map<String, Object> entry = selfServiceApp("Metrics Lab");
    entry.put("accessRule", "user.department == 'Engineering' &&");

    Response response = admin.create("New metrics tool", entry);

    assertThat(refused(response)).containsExactly("app.accessRule");
    assertThat(reasons(response).get(0)).startsWith("does not compile: line 1, column");
    assertNotSaved("Metrics Lab");
  }

  @Test
  void create_whenLinksAreNotWebAddresses_thenRefusedOnEachUrl() {
    Map<String, Object> entry = selfServiceApp("Diagram Hub");
    entry.put("linksPretext", "Diagram Hub resources:");
    entry.put("links", List.of(link("Downloads", "ftp://files.diagramhub.example/installer"),
        link("Help", "not a url"), link("Status", "https://status.diagramhub.example")));

    assertThat(refused(admin.create("New diagram tool", entry))).containsExactly("app.links[0].url", "app.links[1].url");
    assertNotSaved("Diagram Hub");
  }

  @Test
  void create_whenExternalIdIsMissing_thenRefusedOnExternalId() {
    Map<String, Object> group = groupApp("Metrics Lab");
    strategy(group).remove("externalId");
    Map<String, Object> role = roleApp("Ticket Tower");
    roles(role).get(0).remove("externalId");

    assertThat(refused(admin.create("New metrics tool", group))).containsExactly("app.strategy.externalId");
    assertThat(refused(admin.create("New ticketing tool", role))).containsExactly("app.strategy.roles[0].externalId");
    assertNotSaved("Metrics Lab");
    assertNotSaved("Ticket Tower");
  }

  @Test
  void create_whenNameIsTooLong_thenRefusedOnName_butTheLongestNameIsAccepted() {
    String tooLong = "N".repeat(129);
    String longest = "N".repeat(128);

    assertThat(refused(admin.create("Long name", selfServiceApp(tooLong)))).containsExactly("app.name");
    assertThat(names()).doesNotContain(tooLong);
    sesame.as(ADMIN).queryParam("dryRun", true).body(Map.of("changeDescription", "Long name", "app", selfServiceApp(longest)))
        .post("/api/apps").then().statusCode(200).body("ok", org.hamcrest.Matchers.is(true));
    assertNotSaved(longest);
  }

  @Test
  void create_whenNameContainsSlash_thenRefusedOnName() {
    Response response = admin.create("Slash", selfServiceApp("CI/CD Portal"));

    assertThat(refused(response)).containsExactly("app.name");
    assertThat(reasons(response).get(0)).contains("'/'");
    assertThat(names()).doesNotContain("CI/CD Portal");
  }

  @Test
  void create_whenAppAdminFlowHasNoAppAdmins_thenRefusedOnAppAdmins() {
    for (String flow : List.of("APP_ADMIN", "APP_ADMIN_THEN_MANAGER", "MANAGER_THEN_APP_ADMIN",
        "AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN")) {
      Map<String, Object> entry = groupApp("Metrics Lab");
      entry.put("approvalFlow", flow);
      entry.put("appAdmins", List.of());

      assertThat(refused(admin.create("New metrics tool", entry))).as(flow).containsExactly("app.appAdmins");
    }
    assertNotSaved("Metrics Lab");
  }

  @Test
  void create_whenProvisioningSystemIsUnknown_thenRefusedOnSystem() {
    Map<String, Object> entry = groupApp("Metrics Lab");
    strategy(entry).put("system", "okta-prod");

    Response response = admin.create("New metrics tool", entry);

    assertThat(refused(response)).containsExactly("app.strategy.system");
    assertThat(reasons(response).get(0)).contains("okta-prod").contains("corp-ldap");
    assertNotSaved("Metrics Lab");
  }

  @Test
  void create_whenAppAdminIsNotInTheDirectory_thenRefusedOnThatAdmin() {
    Map<String, Object> entry = groupApp("Metrics Lab");
    entry.put("approvalFlow", "APP_ADMIN");
    entry.put("appAdmins", List.of("elif.yilmaz", "no.such.person"));

    Response response = admin.create("New metrics tool", entry);

    assertThat(refused(response)).containsExactly("app.appAdmins[1]");
    assertThat(reasons(response).get(0)).contains("no.such.person");
    assertNotSaved("Metrics Lab");
  }

  @Test
  void create_whenBodyIsNotJson_thenRefusedOnBody() {
    Response broken = sesame.as(ADMIN).body("{\"changeDescription\": \"New tool\", \"app\": {\"name\": ").post("/api/apps");
    Response missing = sesame.as(ADMIN).post("/api/apps");

    assertThat(refused(broken)).containsExactly("body");
    assertThat(reasons(broken).get(0)).startsWith("is not valid JSON");
    assertThat(refused(missing)).containsExactly("body");
    assertThat(reasons(missing).get(0)).doesNotContain("dev.sesame").doesNotContain("ResponseEntity");
  }

  // ---------------------------------------------------------------------------------------------
  // Changing an app

  @Test
  void update_whenNameChanges_thenRefusedOnNameAndNothingSaved() {
    Map<String, Object> before = admin.read("Sentry");

    Response response = admin.tryChange("Sentry", "Rebrand", app -> app.put("name", "Sentry Errors"));

    assertThat(refused(response)).containsExactly("app.name");
    assertThat(admin.read("Sentry")).isEqualTo(before);
    assertNotSaved("Sentry Errors");
  }

  @Test
  void update_whenAppDoesNotExist_thenNotFound_alsoInDryRun() {
    Map<String, Object> entry = selfServiceApp("Whiteboard Pro");
    Map<String, Object> body = Map.of("version", 1, "changeDescription", "Edit", "app", entry);

    sesame.as(ADMIN).body(body).put("/api/apps/{name}", "Whiteboard Pro").then().statusCode(404);
    sesame.as(ADMIN).body(body).queryParam("dryRun", true).put("/api/apps/{name}", "Whiteboard Pro").then().statusCode(404);
    sesame.as(ADMIN).get("/api/apps/{name}/history", "Whiteboard Pro").then().statusCode(404);
    assertNotSaved("Whiteboard Pro");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Asserts a 400 problem with a reason for every field, and returns the fields in order. */
  private static List<String> refused(Response response) {
    response.then().statusCode(400);
    List<Map<String, String>> errors = response.path("errors");
    assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.get("reason")).isNotBlank());
    return new ArrayList<>(errors.stream().map(e -> e.get("field")).toList());
  }

  private static List<String> reasons(Response response) {
    return response.path("errors.reason");
  }

  private void assertNotSaved(String name) {
    sesame.as(ADMIN).get("/api/apps/{name}", name).then().statusCode(404);
    assertThat(names()).doesNotContain(name);
  }

  private List<String> names() {
    return sesame.as(ADMIN).queryParam("includeArchived", true).get("/api/apps").then().statusCode(200)
        .extract().path("name");
  }

  private static Map<String, Object> selfServiceApp(String name) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("accessRule", "true");
    entry.put("approvalFlow", "AUTO_APPROVE");
    entry.put("strategy", new LinkedHashMap<>(Map.of("type", "SELF_SERVICE", "title", "Open " + name,
        "body", "Sign in with Okta.")));
    return entry;
  }

  private static Map<String, Object> groupApp(String name) {
    Map<String, Object> entry = selfServiceApp(name);
    entry.put("approvalFlow", "MANAGER");
    entry.put("strategy", new LinkedHashMap<>(Map.of("type", "GROUP", "system", "corp-ldap", "externalId", SAMPLE_GROUP)));
    return entry;
  }

  private static Map<String, Object> roleApp(String name) {
    Map<String, Object> entry = selfServiceApp(name);
    entry.put("approvalFlow", "MANAGER");
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put("type", "ROLE");
    strategy.put("system", "corp-ldap");
    strategy.put("roles", new ArrayList<>(List.of(
        new LinkedHashMap<>(Map.of("name", "agent", "externalId", "cn=zendesk-agent" + GROUPS)),
        new LinkedHashMap<>(Map.of("name", "admin", "externalId", "cn=zendesk-admin" + GROUPS)))));
    entry.put("strategy", strategy);
    return entry;
  }

  private static Map<String, Object> link(String label, String url) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("label", label);
    link.put("url", url);
    return link;
  }
}
