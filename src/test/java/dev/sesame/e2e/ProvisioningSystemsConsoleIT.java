package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sesame.common.ConflictException;
import dev.sesame.directory.DirectoryConnection;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.SaveProvisioningSystem;
import dev.sesame.provisioning.SystemInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Provisioning Systems console in a real browser: a catalog admin adds a second LDAP system
 * pointing at the embedded directory, tests it (right and wrong password, bad URL), saves it, and
 * an employee's request is then fulfilled through it. Its password never comes back out, and is
 * not in the database in clear. The tests build on each other, in order, on a Sesame of their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisioningSystemsConsoleIT {

  private static final String ADMIN = "sam.patel";
  private static final String EMPLOYEE = "salma.bitar";
  private static final String SYSTEM = "partner-ldap";
  private static final String PEOPLE = ",ou=people,dc=brightwave,dc=example";
  private static final String SENTRY_USERS = "cn=sentry-users,ou=groups,dc=brightwave,dc=example";

  private static RunningSesame sesame;
  private static DirectoryConnection directory;

  @BeforeAll
  static void start() {
    sesame = RunningSesame.fresh(Map.of());
    directory = sesame.bean(DirectoryConnection.class);
  }

  @AfterAll
  static void stop() {
    sesame.close();
  }

  @Test
  @Order(1)
  void list_whenFirstStart_thenShowsCorpLdapFollowingTheDirectory() {
    try (Browser browser = admin()) {
      browser.open("/admin/systems");
      assertThat(browser.driver().findElement(By.cssSelector("nav a.active")).getText()).isEqualTo("Provisioning Systems");
      assertThat(browser.driver().findElement(By.cssSelector("tr[data-system=corp-ldap]")).getText())
          .contains("corp-ldap", "ldap", directory.url(), "sesame");
      shot(browser, "systems-list");
      browser.size(390, 844);
      browser.screenshot("systems-list-phone");
      browser.size(1280, 860);

      browser.driver().findElement(By.cssSelector("tr[data-system=corp-ldap] a.edit")).click();
      browser.waitFor(By.id("followsDirectory"));
      assertThat(browser.driver().findElement(By.id("followsDirectory")).isSelected()).isTrue();
      assertThat(browser.driver().findElement(By.id("s-url")).isEnabled()).isFalse();
      assertThat(browser.driver().getPageSource()).doesNotContain(directory.bindPassword());
      browser.driver().findElement(By.id("test-connection")).click();
      browser.waitFor(By.cssSelector(".test-result.good"));
      shot(browser, "systems-corp-ldap");
    }
    List<Map<String, Object>> systems = sesame.as(ADMIN).get("/api/systems").then().statusCode(200).extract().path("$");
    assertThat(systems).singleElement().satisfies(s -> {
      assertThat(s.get("name")).isEqualTo("corp-ldap");
      assertThat(s.get("followsDirectory")).isEqualTo(true);
    });
  }

  @Test
  @Order(2)
  void create_whenTestedRightWrongAndBadUrl_thenSaysSoAndSavesOnlyGoodSettings() {
    try (Browser browser = admin()) {
      browser.open("/admin/systems");
      browser.driver().findElement(By.linkText("+ Create system")).click();
      browser.waitFor(By.id("name"));
      browser.type(By.id("name"), SYSTEM);
      browser.type(By.id("s-url"), directory.url());
      browser.type(By.id("s-bind-dn"), directory.bindDn());

      browser.type(By.id("s-bind-password"), "not-the-password");
      browser.driver().findElement(By.id("test-connection")).click();
      browser.waitFor(By.cssSelector(".test-result.bad"));
      assertThat(browser.driver().findElement(By.cssSelector(".test-result")).getText())
          .startsWith("Failed:").contains("refused the bind").contains("bind-password");
      shot(browser, "systems-test-failed");

      browser.type(By.id("s-bind-password"), directory.bindPassword());
      browser.driver().findElement(By.id("test-connection")).click();
      browser.waitFor(By.cssSelector(".test-result.good"));
      assertThat(browser.driver().findElement(By.cssSelector(".test-result")).getText()).startsWith("OK:");
      assertThat(browser.driver().getPageSource()).doesNotContain(directory.bindPassword());
      shot(browser, "systems-test-ok");

      browser.type(By.id("s-url"), "http://not-ldap.example.com");
      browser.type(By.id("s-bind-password"), directory.bindPassword());
      browser.driver().findElement(By.id("save")).click();
      browser.waitFor(By.cssSelector(".field.invalid #s-url"));
      assertThat(browser.driver().findElement(By.cssSelector(".field.invalid .field-error")).getText())
          .contains("ldap://");
      assertThat(browser.driver().getPageSource()).doesNotContain(directory.bindPassword());
      shot(browser, "systems-bad-url");
      assertThat(names()).containsExactly("corp-ldap");

      browser.type(By.id("s-url"), directory.url());
      browser.type(By.id("s-bind-password"), directory.bindPassword());
      browser.driver().findElement(By.id("save")).click();
      browser.waitFor(By.cssSelector("tr[data-system=" + SYSTEM + "]"));
      assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText()).contains("Created " + SYSTEM);
      assertThat(browser.driver().getPageSource()).doesNotContain(directory.bindPassword());
      shot(browser, "systems-created");

      browser.open("/admin/systems/" + SYSTEM + "/edit");
      assertThat(browser.driver().findElement(By.id("s-bind-password")).getAttribute("placeholder")).isEqualTo("•••••• (set)");
      assertThat(browser.driver().findElement(By.id("s-bind-password")).getAttribute("value")).isEmpty();
      assertThat(browser.driver().getPageSource()).doesNotContain(directory.bindPassword());
      // An empty password field tests and saves with the stored password.
      browser.driver().findElement(By.id("test-connection")).click();
      browser.waitFor(By.cssSelector(".test-result.good"));
      shot(browser, "systems-edit");
    }
    assertThat(names()).containsExactly("corp-ldap", SYSTEM);
  }

  @Test
  @Order(3)
  void request_whenAppIsOnTheNewSystem_thenApprovedAndFulfilledThroughIt() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", "Partner Sentry");
    entry.put("aliases", List.of("partner errors"));
    entry.put("accessRule", "true");
    entry.put("approvalFlow", "AUTO_APPROVE");
    entry.put("strategy", Map.of("type", "GROUP", "system", SYSTEM, "externalId", SENTRY_USERS));
    sesame.as(ADMIN).body(Map.of("changeDescription", "Sentry through the partner directory", "app", entry))
        .post("/api/apps").then().statusCode(201);
    assertThat(sesame.membersOf(SENTRY_USERS)).doesNotContain("uid=" + EMPLOYEE + PEOPLE);

    assertThat(sesame.chat(EMPLOYEE, "can I get partner sentry?")).contains("Partner Sentry");
    sesame.chat(EMPLOYEE, "yes");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(sesame.membersOf(SENTRY_USERS)).contains("uid=" + EMPLOYEE + PEOPLE));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      List<Map<String, Object>> requests = sesame.as(EMPLOYEE).get("/api/requests").then().statusCode(200)
          .extract().path("$");
      assertThat(requests).singleElement().satisfies(r -> assertThat(r.get("state")).isEqualTo("FULFILLED"));
    });
    List<Map<String, Object>> steps = sesame.as(ADMIN).get("/api/audit?event=provisioning.step").then().statusCode(200)
        .extract().path("$");
    assertThat(steps.toString()).contains(SYSTEM);
  }

  @Test
  @Order(4)
  void secrets_whenReadThroughApiAuditAndDatabase_thenNeverInClear() {
    String api = sesame.as(ADMIN).get("/api/systems").then().statusCode(200).extract().asString();
    assertThat(api).contains(SYSTEM).contains("\"secretsSet\":[\"bind-password\"]").doesNotContain(directory.bindPassword());
    String audit = sesame.as(ADMIN).get("/api/audit?subject=system:" + SYSTEM).then().statusCode(200).extract().asString();
    assertThat(audit).contains("bind-password").doesNotContain(directory.bindPassword());

    JdbcClient jdbc = JdbcClient.create(sesame.bean(DataSource.class));
    Map<String, Object> row = jdbc.sql("select settings::text as settings, secrets from provisioning_system where name = ?")
        .param(SYSTEM).query().singleRow();
    assertThat((String) row.get("settings")).doesNotContain(directory.bindPassword()).contains(directory.url());
    assertThat(new String((byte[]) row.get("secrets"), StandardCharsets.ISO_8859_1)).doesNotContain(directory.bindPassword());
    String corp = jdbc.sql("select settings::text from provisioning_system where name = 'corp-ldap'").query(String.class).single();
    assertThat(corp).doesNotContain(directory.bindPassword());
  }

  @Test
  @Order(5)
  void save_whenVersionIsStale_thenConflictAndPageSaysSo() {
    SaveProvisioningSystem save = sesame.bean(SaveProvisioningSystem.class);
    Map<String, String> settings = Map.of("url", directory.url(), "bind-dn", directory.bindDn(), "login-attribute", "uid");
    save.execute(new SaveProvisioningSystem.Command(new ProvisioningSystemId(SYSTEM),
        new SystemInput(SYSTEM, "ldap", settings, false), 1, new PersonId("erin.cole")));
    assertThatThrownBy(() -> save.execute(new SaveProvisioningSystem.Command(new ProvisioningSystemId(SYSTEM),
        new SystemInput(SYSTEM, "ldap", settings, false), 1, new PersonId(ADMIN))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("erin.cole").hasMessageContaining("version 2");

    try (Browser browser = admin()) {
      browser.open("/admin/systems/" + SYSTEM + "/edit");
      ((JavascriptExecutor) browser.driver()).executeScript(
          "document.querySelector('input[name=version]').value = '1';");
      browser.driver().findElement(By.id("save")).click();
      browser.waitFor(By.cssSelector(".problem.summary"));
      assertThat(browser.driver().findElement(By.cssSelector(".problem.summary")).getText())
          .contains("Someone else saved this system meanwhile").contains("erin.cole");
      shot(browser, "systems-stale");
    }
  }

  @Test
  @Order(6)
  void console_whenNotCatalogAdmin_thenForbidden() {
    sesame.as(EMPLOYEE).get("/api/systems").then().statusCode(403);
    try (Browser browser = new Browser(sesame)) {
      browser.signIn(EMPLOYEE);
      browser.waitFor(By.cssSelector(".topbar"));
      assertThat(browser.driver().findElements(By.linkText("Provisioning Systems"))).isEmpty();
      browser.open("/admin/systems");
      assertThat(browser.driver().getPageSource()).contains("Not allowed").doesNotContain("corp-ldap");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static List<Object> names() {
    return sesame.as(ADMIN).get("/api/systems").then().statusCode(200).extract().path("name");
  }

  private static Browser admin() {
    Browser browser = new Browser(sesame);
    browser.signIn(ADMIN);
    browser.waitFor(By.cssSelector(".topbar"));
    return browser;
  }

  private static void shot(Browser browser, String name) {
    Number height = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.body.scrollHeight;");
    browser.size(1280, Math.min(4000, Math.max(860, height.intValue() + 120)));
    browser.screenshot(name);
    browser.size(1280, 860);
  }
}
