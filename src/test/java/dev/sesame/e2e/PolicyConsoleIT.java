package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The approval policies console clicked and typed in a real browser by a catalog admin: a policy
 * written, refused, saved, previewed for people, chosen for an app and then used by a real
 * request; ready-made policies read-only; someone else's save; and nobody else gets in. Each test
 * uses its own policies, apps and people, on a Sesame of their own.
 */
class PolicyConsoleIT {

  private static final String ADMIN = "sam.patel";
  private static final String EMPLOYEE = "yuna.kwon";
  private static final String CONTRACTOR = "kofi.antwi";
  private static final String FULL_TIME = "mohit.bansal";
  private static final String LEGAL_CONTRACTOR = "joao.monteiro";
  private static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";

  private static RunningSesame sesame;

  @BeforeAll
  static void start() {
    // NB. an instance of its own: the policies written here would show in other tests' catalog exports.
    sesame = RunningSesame.fresh(Map.of());
  }

  @AfterAll
  static void stop() {
    sesame.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Write, refuse, save, preview, use

  @Test
  void policy_whenWrittenInTheConsole_thenCelErrorsShowBeforeSavePreviewsMatchTheApiAndANewRequestFollowsIt() {
    String name = "console contractors";
    try (Browser browser = admin()) {
      browser.open("/admin/policies");
      browser.driver().findElement(By.linkText("+ Create policy")).click();
      browser.waitFor(By.id("name"));
      browser.type(By.id("name"), name);
      browser.type(By.id("description"), "The manager, then two of legal for people who are not full-time");
      assertThat(browser.driver().findElement(By.id("stages-0-manager")).isSelected()).isTrue();
      click(browser, "add-stage");
      browser.type(By.id("stages-1-name"), "Legal");
      browser.type(By.id("stages-1-groups"), "dept-legal");
      new Select(browser.driver().findElement(By.id("stages-1-quorum"))).selectByValue("n");
      browser.type(By.id("stages-1-quorumCount"), "2");
      browser.type(By.id("stages-1-when"), "user.employmentType != ");
      browser.type(By.id("escalateAfter"), "36");
      new Select(browser.driver().findElement(By.id("escalateAfterUnit"))).selectByValue("hours");
      browser.type(By.id("changeDescription"), "Contractors need legal");
      click(browser, "save");
      browser.waitFor(By.cssSelector(".summary"));
      assertThat(fieldError(browser, "stages-1-when")).startsWith("Does not compile: line 1");
      assertThat(value(browser, "stages-1-groups")).isEqualTo("dept-legal");
      assertThat(value(browser, "escalateAfter")).isEqualTo("36");
      shot(browser, "policy-cel-refused");
      sesame.as(ADMIN).get("/api/policies/{name}", name).then().statusCode(404);

      browser.type(By.id("stages-1-when"), "user.employmentType != 'full-time'");
      click(browser, "save");
      browser.waitForText(By.cssSelector(".notice"), "Created " + name + ".");
      assertThat(browser.driver().getTitle()).startsWith("Approval Policies · " + name);

      preview(browser, CONTRACTOR);
      WebElement legal = stage(browser, 1);
      assertThat(legal.getText()).contains("applies").contains("the condition is true (user.employmentType = contractor)")
          .contains("2 of 9");
      List<String> api = apiApprovers(name, CONTRACTOR);
      assertThat(stage(browser, 0).getText()).contains("Any one of 1").contains("(" + api.get(0) + ")");
      shot(browser, "policy-preview-contractor");

      preview(browser, FULL_TIME);
      assertThat(stage(browser, 1).getText()).contains("skipped")
          .contains("Skipped: the condition is false (user.employmentType = full-time)");
      assertThat(browser.driver().findElement(By.cssSelector("#preview-result .headline")).getText())
          .contains("1 stage decides");

      preview(browser, LEGAL_CONTRACTOR);
      assertThat(stage(browser, 1).getText()).contains("2 of 8")
          .contains("Not asked: Joao Monteiro (joao.monteiro): the requester never approves their own request");
      browser.size(390, 844);
      scrollTo(browser, "#preview-card");
      browser.screenshot("policy-preview-phone");
      browser.size(1280, 860);
    }
    Map<String, Object> saved = sesame.as(ADMIN).get("/api/policies/{name}", name).then().statusCode(200)
        .extract().path("policy");
    assertThat(saved.toString()).contains("quorum=2").contains("when=user.employmentType != 'full-time'")
        .contains("approvers=[group:dept-legal]").contains("escalateAfter=PT36H");

    app("Console Policy Tool", "MANAGER");
    try (Browser browser = admin()) {
      browser.open("/admin/catalog/Console Policy Tool/edit");
      browser.waitFor(By.id("approvalFlow"));
      new Select(browser.driver().findElement(By.id("approvalFlow"))).selectByValue(name);
      browser.type(By.id("changeDescription"), "Contractors need legal now");
      pressAndWait(browser, By.id("save"));
      browser.waitForText(By.cssSelector(".notice"), "Saved Console Policy Tool");

      browser.open("/admin/catalog/Snowflake/edit");
      browser.waitFor(By.id("roles-1-approvalFlow"));
      new Select(browser.driver().findElement(By.id("roles-1-approvalFlow"))).selectByValue(name);
      browser.type(By.id("changeDescription"), "Engineers follow the contractors policy");
      pressAndWait(browser, By.id("save"));
      browser.waitForText(By.cssSelector(".notice"), "Saved Snowflake");

      browser.open("/admin/policies");
      WebElement row = browser.waitFor(By.cssSelector("tr[data-policy='" + name + "']"));
      assertThat(row.getText()).contains("v1").contains("sam.patel").contains("2 apps and roles");
      row.findElement(By.tagName("summary")).click();
      assertThat(row.findElements(By.cssSelector("ul.uses a"))).extracting(WebElement::getText)
          .containsExactly("Console Policy Tool", "Snowflake › engineer");
      assertThat(browser.driver().findElement(By.cssSelector("tr[data-policy='MANAGER']")).getText())
          .contains("Ready-made · read-only");
      shot(browser, "policy-list");
      browser.size(390, 844);
      browser.screenshot("policy-list-phone");
    }

    assertThat(new CatalogApi(sesame, ADMIN).read("Snowflake").toString()).contains("approvalFlow=" + name);
    String id = sesame.as(CONTRACTOR).body(Map.of("app", "Console Policy Tool")).post("/api/requests")
        .then().statusCode(201).extract().path("request.id");
    Map<String, Object> request = sesame.as(ADMIN).get("/api/requests/{id}", id).then().statusCode(200).extract().path("$");
    assertThat(request.get("state")).isEqualTo("PENDING_APPROVAL");
    assertThat(request.get("stages").toString()).contains("name=Manager").contains("name=Legal").contains("required=2");
    assertThat(request.get("currentApprovers")).isEqualTo(apiApprovers(name, CONTRACTOR).subList(0, 1));
  }

  // ---------------------------------------------------------------------------------------------
  // Stages without scripts, history, someone else's save

  @Test
  void stages_whenAddedMovedAndRemovedWithButtons_thenSavedInOrderAndTheHistoryShowsTheChange() {
    String name = "console reorder";
    try (Browser browser = admin()) {
      browser.open("/admin/policies/new");
      browser.waitFor(By.id("name"));
      browser.type(By.id("name"), name);
      click(browser, "add-stage");
      browser.type(By.id("stages-1-name"), "Owners");
      press(browser, By.id("stages-1-appAdmins"));
      click(browser, "add-stage");
      browser.type(By.id("stages-2-name"), "Scratch");
      browser.size(390, 844);
      scrollTo(browser, ".stage-row[data-stage='1']");
      browser.screenshot("policy-stages-phone");
      browser.size(1280, 860);
      click(browser, "up-stage:1");
      assertThat(value(browser, "stages-0-name")).isEqualTo("Owners");
      assertThat(browser.driver().findElement(By.id("stages-0-appAdmins")).isSelected()).isTrue();
      click(browser, "remove-stage:2");
      assertThat(browser.driver().findElements(By.cssSelector(".stage-row"))).hasSize(2);
      press(browser, By.id("fallback-none"));
      click(browser, "save");
      assertThat(fieldError(browser, "changeDescription")).startsWith("Required: say what changed");
      browser.type(By.id("changeDescription"), "Owners first");
      click(browser, "save");
      browser.waitForText(By.cssSelector(".notice"), "Created " + name + ".");

      new Select(browser.driver().findElement(By.id("stages-1-quorum"))).selectByValue("all");
      browser.type(By.id("changeDescription"), "Every manager must agree");
      click(browser, "save");
      browser.waitForText(By.cssSelector(".notice"), "Saved " + name + " as version 2.");
      browser.driver().findElement(By.linkText("History")).click();
      WebElement v2 = browser.waitFor(By.cssSelector(".version[data-version='2']"));
      assertThat(v2.getText()).contains("Every manager must agree").contains("sam.patel")
          .contains("Stage 2 quorum: any → all");
      assertThat(browser.driver().findElement(By.cssSelector(".version[data-version='1']")).getText())
          .contains("Owners first").contains("First version.");
      shot(browser, "policy-history");
    }
    Map<String, Object> saved = sesame.as(ADMIN).get("/api/policies/{name}", name).then().statusCode(200)
        .extract().path("policy");
    assertThat(saved.toString()).contains("stages=[{name=Owners, approvers=[app-admins], quorum=any}, "
        + "{name=Manager, approvers=[manager], quorum=all}]").contains("fallback=[]");
  }

  @Test
  void save_whenSomeoneElseSavedMeanwhile_thenAPlainSentenceAndTheTypedChangesAreKept() {
    String name = "console stale";
    sesame.as(ADMIN).body(Map.of("changeDescription", "first", "policy", Map.of("name", name, "stages",
        List.of(Map.of("name", "Manager", "approvers", List.of("manager")))))).put("/api/policies/{name}", name)
        .then().statusCode(201);
    try (Browser browser = admin()) {
      browser.open("/admin/policies/" + name);
      browser.waitFor(By.id("description"));
      sesame.as("erin.cole").body(Map.of("changeDescription", "Managers' managers too", "version", 1, "policy",
          Map.of("name", name, "stages", List.of(Map.of("name", "Manager", "approvers",
              List.of("manager", "managers-manager")))))).put("/api/policies/{name}", name).then().statusCode(200);
      browser.type(By.id("description"), "Mine");
      browser.type(By.id("changeDescription"), "Describe it");
      click(browser, "save");
      String conflict = browser.waitFor(By.cssSelector(".conflict")).getText();
      assertThat(conflict).contains("erin.cole saved version 2").contains("you started from version 1")
          .contains("Stage 1 approvers: manager → manager, manager's manager");
      assertThat(value(browser, "description")).isEqualTo("Mine");
      browser.driver().findElement(By.cssSelector("button[value='rebase:2']")).click();
      browser.waitForText(By.cssSelector(".notice"), "editing over version 2");
      click(browser, "save");
      browser.waitForText(By.cssSelector(".notice"), "Saved " + name + " as version 3.");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Ready-made policies; forged input

  @Test
  void readyMade_whenOpened_thenReadOnlyWithAPreviewAndCopyStartsANewPolicy() {
    try (Browser browser = admin()) {
      browser.open("/admin/policies");
      browser.driver().findElement(By.linkText("AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN")).click();
      browser.waitFor(By.id("read-only"));
      assertThat(browser.driver().findElements(By.id("save"))).isEmpty();
      assertThat(browser.driver().findElement(By.id("stages-0-when")).isEnabled()).isFalse();
      preview(browser, CONTRACTOR);
      assertThat(stage(browser, 0).getText()).contains("applies")
          .contains("Fallback approvers stand in because the app has no app admins");
      shot(browser, "policy-ready-made");

      browser.driver().findElement(By.id("copy")).click();
      browser.waitFor(By.id("save"));
      assertThat(value(browser, "name")).isEqualTo("AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN copy");
      assertThat(value(browser, "stages-0-when")).isEqualTo("user.employmentType != 'full-time'");
    }
  }

  @Test
  void save_whenInputIsForgedOrNamesUnknownPeople_thenErrorsShowOnTheFormAndNothingIsSaved() {
    try (Browser browser = admin()) {
      browser.open("/admin/policies/new");
      browser.waitFor(By.id("name"));
      browser.type(By.id("name"), "forged policy");
      browser.type(By.id("remindEvery"), "soon");
      press(browser, By.id("fallback-named"));
      ((JavascriptExecutor) browser.driver()).executeScript("var q = document.getElementById('stages-0-quorum');"
          + " q.add(new Option('lots', 'lots', true, true)); q.value = 'lots';");
      browser.type(By.id("changeDescription"), "Forged");
      click(browser, "save");
      browser.waitFor(By.cssSelector(".summary"));
      assertThat(fieldError(browser, "remindEvery")).contains("not a whole number");
      assertThat(fieldError(browser, "fallback-named")).contains("Name at least one person or group");
      assertThat(fieldError(browser, "stages-0-quorum")).contains("'lots' is not a quorum");
      shot(browser, "policy-forged");

      browser.type(By.id("name"), "MANAGER");
      browser.type(By.id("remindEvery"), "");
      browser.type(By.id("fallbackPeople"), "erin.cole");
      new Select(browser.driver().findElement(By.id("stages-0-quorum"))).selectByValue("any");
      browser.type(By.id("stages-0-people"), "nobody.here");
      click(browser, "save");
      browser.waitFor(By.cssSelector(".summary"));
      assertThat(fieldError(browser, "name")).contains("ready-made policy");
      assertThat(fieldError(browser, "stages-0-people")).isEqualTo("nobody.here is not an active person in the directory");
      sesame.as(ADMIN).get("/api/policies/forged policy").then().statusCode(404);

      browser.open("/admin/policies/no such policy");
      assertThat(browser.driver().getPageSource()).contains("there is no approval policy named 'no such policy'");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Nobody else

  @Test
  void pages_whenNonAdminOpensOrPostsThem_then403AndNothingIsCreated() {
    WebSession employee = WebSession.signIn(sesame, EMPLOYEE);
    for (String page : List.of("/admin/policies", "/admin/policies/new", "/admin/policies/MANAGER",
        "/admin/policies/MANAGER/history")) {
      assertThat(employee.request().get(page).statusCode()).as(page).isEqualTo(403);
    }
    assertThat(employee.request().formParam("_csrf", employee.csrf()).formParam("name", "sneaky")
        .formParam("stages[0].manager", "true").formParam("changeDescription", "x").formParam("action", "save")
        .post("/admin/policies/new").statusCode()).isEqualTo(403);

    WebSession admin = WebSession.signIn(sesame, ADMIN);
    assertThat(admin.request().formParam("name", "sneaky").formParam("stages[0].manager", "true")
        .formParam("changeDescription", "x").formParam("action", "save").post("/admin/policies/new").statusCode())
        .as("without the CSRF token").isEqualTo(403);
    sesame.as(ADMIN).get("/api/policies/sneaky").then().statusCode(404);
  }

  // ---------------------------------------------------------------------------------------------

  private static Browser admin() {
    Browser browser = new Browser(sesame);
    browser.signIn(ADMIN);
    browser.waitFor(By.cssSelector(".topbar"));
    return browser;
  }

  private static void app(String name, String policy) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("accessRule", "true");
    entry.put("appAdmins", List.of());
    entry.put("approvalFlow", policy);
    entry.put("strategy", Map.of("type", "GROUP", "system", "corp-ldap", "externalId", "cn=sentry-users" + GROUPS));
    new CatalogApi(sesame, ADMIN).create("for a test", entry).then().statusCode(201);
  }

  /** Who the API's preview says approves each stage for {@code person}, the first of each stage. */
  private static List<String> apiApprovers(String policy, String person) {
    List<List<String>> stages = sesame.as(ADMIN).queryParam("person", person).queryParam("app", "Figma")
        .get("/api/policies/{name}/preview", policy).then().statusCode(200).extract().path("stages.approvers");
    return stages.stream().map(s -> s.get(0)).toList();
  }

  private static void preview(Browser browser, String login) {
    browser.type(By.id("previewPerson"), login);
    click(browser, "preview");
    browser.waitFor(By.id("preview-result"));
  }

  private static WebElement stage(Browser browser, int index) {
    return browser.driver().findElement(By.cssSelector("#preview-result .stage[data-stage='" + index + "']"));
  }

  /** Presses the editor's button with this action and waits for the page it brings. */
  private static void click(Browser browser, String action) {
    pressAndWait(browser, By.cssSelector("#policy-form button[value='" + action + "']:not(.visually-hidden)"));
  }

  /** Presses a submit button and waits for the page it brings. */
  private static void pressAndWait(Browser browser, By button) {
    WebElement page = browser.driver().findElement(By.tagName("html"));
    press(browser, button);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
      try {
        page.isEnabled();
        return false;
      } catch (WebDriverException e) {
        return true;  // stale, or (in Chromium) "does not belong to the document": the next page is there
      }
    });
    browser.waitFor(By.cssSelector("main"));
  }

  /** Clicks an element scrolled to the middle of the window, clear of the sticky top bar. */
  private static void press(Browser browser, By what) {
    WebElement element = browser.driver().findElement(what);
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private static String value(Browser browser, String id) {
    return browser.driver().findElement(By.id(id)).getDomProperty("value");
  }

  /** The error shown in the field of the input with this id. */
  private static String fieldError(Browser browser, String id) {
    return browser.driver().findElement(By.id(id)).findElement(By.xpath("ancestor::*[contains(@class,'field')][1]"))
        .findElement(By.cssSelector(".field-error")).getText();
  }

  /** Scrolls the element to the top of the window, below the sticky top bar. */
  private static void scrollTo(Browser browser, String css) {
    ((JavascriptExecutor) browser.driver()).executeScript("var e = document.querySelector(arguments[0]);"
        + " var bar = document.querySelector('.topbar').offsetHeight;"
        + " window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - bar - 8);", css);
  }

  /** A screenshot of the whole page, not just the window. */
  private static void shot(Browser browser, String name) {
    Number height = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.body.scrollHeight;");
    browser.size(1280, Math.min(4000, Math.max(860, height.intValue() + 120)));
    browser.screenshot(name);
    browser.size(1280, 860);
  }
}
