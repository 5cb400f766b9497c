package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's requests and audit pages as a catalog admin uses them in a real browser, on
 * requests made through the chat: one approved and provisioned, one denied, one waiting, one
 * approved automatically.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestsConsoleIT {

  private static final String ADMIN = "sam.patel";
  private static final By ROWS = By.cssSelector("#requests tbody tr");

  private RunningSesame sesame;
  private String figmaForAlex;
  private String figmaForHannah;

  @BeforeAll
  void start() {
    sesame = RunningSesame.fresh(Map.of());
    sesame.chat("alex.kim", "hi, can I get figma?");
    assertThat(sesame.chat("alex.kim", "yes please")).contains("Request submitted for **Figma**");
    figmaForAlex = onlyRequestOf("alex.kim");
    sesame.as("priya.nair").body(Map.of("comment", "Enjoy")).post("/api/requests/" + figmaForAlex + "/approve")
        .then().statusCode(200);

    sesame.chat("hannah.berg", "can I get figma");
    sesame.chat("hannah.berg", "yes");
    figmaForHannah = onlyRequestOf("hannah.berg");
    sesame.as("felix.wagner").body(Map.of("comment", "we use Miro for whiteboards"))
        .post("/api/requests/" + figmaForHannah + "/deny").then().statusCode(200);

    sesame.chat("noah.fischer", "salesforce licence pls");
    sesame.chat("noah.fischer", "I'm an account executive and I manage my own leads");
    assertThat(sesame.chat("noah.fischer", "yes")).contains("Request submitted for **Salesforce**");

    sesame.chat("mia.schulz", "can I get notion?");
    sesame.chat("mia.schulz", "go ahead");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(sesame.as("alex.kim").get("/api/requests/" + figmaForAlex).then().extract().<String>path("state"))
            .isEqualTo("FULFILLED"));
  }

  @AfterAll
  void stop() {
    sesame.close();
  }

  @Test
  void requests_whenAdminFiltersByAppPersonStateAndDate_thenMatchingRows() {
    try (Browser browser = new Browser(sesame)) {
      browser.signIn(ADMIN);
      browser.waitFor(By.id("message"));
      browser.driver().findElement(By.linkText("Requests")).click();
      browser.waitFor(By.id("requests"));
      assertThat(rows(browser)).hasSize(4);
      String table = browser.driver().findElement(By.id("requests")).getText();
      assertThat(table).contains("Alex Kim", "alex.kim", "Hannah Berg", "Noah Fischer", "Mia Schulz",
          "Salesforce", "sales-user", "Dana Whitfield", "Done", "Denied", "Waiting for approval");
      browser.screenshot("console-requests");

      browser.type(By.id("app"), "figma");
      browser.driver().findElement(By.cssSelector(".filters button[type=submit]")).click();
      browser.waitFor(By.id("requests"));
      assertThat(rows(browser)).hasSize(2).allMatch(r -> r.contains("Figma"));
      browser.screenshot("console-requests-figma");

      new Select(browser.driver().findElement(By.id("state"))).selectByVisibleText("Denied");
      browser.driver().findElement(By.cssSelector(".filters button[type=submit]")).click();
      browser.waitFor(By.id("requests"));
      assertThat(rows(browser)).singleElement().satisfies(r -> assertThat(r).contains("Hannah Berg", "Denied"));

      browser.open("/admin/requests");
      browser.type(By.id("person"), "noah.fischer");
      browser.driver().findElement(By.cssSelector(".filters button[type=submit]")).click();
      browser.waitFor(By.id("requests"));
      assertThat(rows(browser)).singleElement()
          .satisfies(r -> assertThat(r).contains("Salesforce", "Waiting for approval", "Dana Whitfield"));

      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      browser.open("/admin/requests");
      typeDate(browser, "from", today);
      typeDate(browser, "to", today);
      browser.driver().findElement(By.cssSelector(".filters button[type=submit]")).click();
      browser.waitFor(By.id("requests"));
      assertThat(browser.driver().getCurrentUrl()).contains("from=" + today).contains("to=" + today);
      assertThat(rows(browser)).hasSize(4);
      typeDate(browser, "from", today.plusDays(1));
      typeDate(browser, "to", today.plusDays(1));
      browser.driver().findElement(By.cssSelector(".filters button[type=submit]")).click();
      browser.waitForText(By.cssSelector(".empty"), "No request matches");

      browser.open("/admin/requests?from=yesterday&to=2026-02-30&person=" + "Not%20a%20login");
      assertThat(browser.waitFor(By.id("from-error")).getText()).isEqualTo("From is not a date; use YYYY-MM-DD");
      assertThat(browser.driver().findElement(By.id("to-error")).getText()).contains("is not a date");
      assertThat(browser.driver().findElement(By.id("person-error")).getText()).contains("is not a login");
      assertThat(browser.driver().findElement(By.id("from")).getAttribute("aria-invalid")).isEqualTo("true");
      browser.screenshot("console-requests-bad-dates");

      browser.open("/admin/requests");
      browser.size(390, 844);
      browser.waitFor(By.id("requests"));
      browser.screenshot("console-requests-phone");
    }
  }

  @Test
  void requestPage_whenAdminOpensARequest_thenDetailsStagesAndTimeline() {
    try (Browser browser = new Browser(sesame)) {
      browser.signIn(ADMIN);
      browser.waitFor(By.id("message"));
      browser.open("/admin/requests?person=alex.kim");
      browser.driver().findElement(By.linkText("Alex Kim")).click();
      browser.waitFor(By.id("timeline"));
      assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/requests/" + figmaForAlex);
      assertThat(browser.driver().findElement(By.id("state")).getText()).isEqualTo("Done");
      assertThat(browser.driver().findElement(By.id("details")).getText())
          .contains("Alex Kim", "alex.kim", "cn=figma-users,ou=groups,dc=brightwave,dc=example", "corp-ldap");
      assertThat(browser.driver().findElement(By.id("stages")).getText())
          .contains("Stage 1", "Manager", "Priya Nair", "approved", "Enjoy");
      List<String> timeline = browser.driver().findElements(By.cssSelector("#timeline .text")).stream()
          .map(WebElement::getText).toList();
      assertThat(timeline).containsSubsequence(
          "alex.kim submitted the request (approvers: priya.nair)",
          "priya.nair approved (stage 1): Enjoy",
          "provisioning started in corp-ldap",
          "added to cn=figma-users,ou=groups,dc=brightwave,dc=example in corp-ldap",
          "grant provisioned");
      assertThat(browser.driver().findElement(By.cssSelector("#timeline time")).getText()).matches("\\d\\d:\\d\\d");
      browser.size(1280, 1300);
      browser.screenshot("console-request");
      browser.size(390, 844);
      browser.screenshot("console-request-phone");
      browser.size(1280, 860);

      browser.open("/admin/requests/" + figmaForHannah);
      browser.waitFor(By.id("timeline"));
      assertThat(browser.driver().findElement(By.id("timeline")).getText())
          .contains("felix.wagner denied: we use Miro for whiteboards");
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Figma for Hannah Berg");
      browser.screenshot("console-request-denied");

      browser.open("/admin/requests/" + UUID.randomUUID());
      assertThat(browser.waitFor(By.tagName("h1")).getText()).contains("Not found");
      browser.open("/admin/requests/not-a-request");
      assertThat(browser.waitFor(By.tagName("h1")).getText()).contains("Not found");
      browser.screenshot("console-request-404");
    }
    sesame.as(ADMIN).accept("text/html").get("/admin/requests/not-a-request").then().statusCode(404);
    sesame.as(ADMIN).accept("text/html").get("/admin/requests/" + UUID.randomUUID()).then().statusCode(404);
    sesame.as(ADMIN).get("/api/requests/not-a-request").then().statusCode(404)
        .body("title", org.hamcrest.Matchers.equalTo("Not found"));
  }

  @Test
  void audit_whenAdminSearchesByEventActorAndWords_thenMatchingEventsLinkToRequests() {
    try (Browser browser = new Browser(sesame)) {
      browser.signIn(ADMIN);
      browser.waitFor(By.id("message"));
      browser.driver().findElement(By.linkText("Audit")).click();
      browser.waitFor(By.id("events"));
      assertThat(browser.driver().findElement(By.id("events")).getText())
          .contains("request.submitted", "grant.provisioned", "approvers: priya.nair");
      browser.screenshot("console-audit");

      new Select(browser.driver().findElement(By.id("event"))).selectByValue("request.decided");
      browser.type(By.id("actor"), "felix.wagner");
      browser.driver().findElement(By.cssSelector(".filters button[type=submit]")).click();
      browser.waitFor(By.id("events"));
      assertThat(browser.driver().findElements(By.cssSelector("#events tbody tr"))).singleElement()
          .satisfies(r -> assertThat(r.getText()).contains("felix.wagner", "verdict: denied", "comment: we use Miro"));

      browser.open("/admin/audit");
      browser.type(By.id("q"), "MIRO_FOR");
      browser.driver().findElement(By.cssSelector(".filters button[type=submit]")).click();
      browser.waitForText(By.cssSelector(".empty"), "No event matches");
      browser.type(By.id("q"), "miro for");
      browser.driver().findElement(By.cssSelector(".filters button[type=submit]")).click();
      browser.waitFor(By.id("events"));
      assertThat(browser.driver().findElements(By.cssSelector("#events tbody tr"))).hasSize(1);
      browser.screenshot("console-audit-search");

      browser.driver().findElement(By.cssSelector("#events .subject a")).click();
      browser.waitFor(By.id("timeline"));
      assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/requests/" + figmaForHannah);

      browser.open("/admin/audit");
      browser.size(390, 844);
      browser.waitFor(By.id("events"));
      browser.screenshot("console-audit-phone");
    }
  }

  @Test
  void approvals_whenAppAdminOpensThem_thenRequesterRoleGroupAndStage() {
    try (Browser browser = new Browser(sesame)) {
      browser.signIn("dana.whitfield");
      browser.waitFor(By.id("message"));
      browser.open("/approvals");
      String card = browser.waitFor(By.cssSelector(".cards .card")).getText();
      assertThat(card).contains("Salesforce", "sales-user", "Noah Fischer", "noah.fischer", "Stage 1 of 1",
          "cn=salesforce-sales-user,ou=groups,dc=brightwave,dc=example", "App admin");
      browser.screenshot("console-approvals");
      browser.size(390, 844);
      browser.screenshot("console-approvals-phone");
    }
  }

  private List<String> rows(Browser browser) {
    return browser.driver().findElements(ROWS).stream().map(WebElement::getText).toList();
  }

  /** Types a date the way a person does in the browser's date field (month, day, year in en-US). */
  private static void typeDate(Browser browser, String field, LocalDate date) {
    WebElement input = browser.driver().findElement(By.id(field));
    input.sendKeys(String.format("%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
  }

  private String onlyRequestOf(String login) {
    return sesame.as(login).get("/api/requests").then().statusCode(200).extract().path("[0].id");
  }
}
