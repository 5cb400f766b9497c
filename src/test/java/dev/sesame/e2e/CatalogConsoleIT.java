package dev.sesame.e2e;

import static dev.sesame.e2e.CatalogApi.aliases;
import static dev.sesame.e2e.CatalogApi.roles;
import static dev.sesame.e2e.CatalogApi.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Software Catalog console clicked and typed in a real browser by a catalog admin, including
 * every refusal; each effect is then checked through the API and in an employee's next chat. Each
 * test uses its own apps, so the tests share one Sesame of their own.
 */
class CatalogConsoleIT {

  private static final String ADMIN = "sam.patel";
  private static final String OTHER_ADMIN = "erin.cole";
  private static final String EMPLOYEE = "mariana.dominguez";
  private static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  private static final String MIRO_USERS = "cn=miro-users" + GROUPS;
  private static final String NO_SUCH_GROUP = "cn=no-such-group" + GROUPS;

  private static RunningSesame sesame;
  private static CatalogApi api;

  @BeforeAll
  static void start() {
    sesame = RunningSesame.fresh(Map.of());
    api = new CatalogApi(sesame, ADMIN);
  }

  @AfterAll
  static void stop() {
    sesame.close();
  }

  // ---------------------------------------------------------------------------------------------
  // The list

  @Test
  void list_whenSearchingAndFiltering_thenShowsOnlyMatchingApps() {
    try (Browser browser = admin()) {
      browser.open("/admin/catalog");
      List<Object> current = sesame.as(ADMIN).get("/api/apps").then().statusCode(200).extract().path("name");
      assertThat(rows(browser)).hasSameSizeAs(current).contains("GitHub", "Figma", "Zoom");
      shot(browser, "console-list");

      browser.type(By.id("q"), "gh");
      browser.driver().findElement(By.cssSelector(".filters button[type=submit]")).click();
      browser.waitForText(By.cssSelector(".count"), "of " + current.size() + " apps");
      assertThat(rows(browser)).contains("GitHub").doesNotContain("Figma");

      browser.type(By.id("q"), "");
      new Select(browser.driver().findElement(By.id("filter-strategy"))).selectByValue("ROLE");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("strategy=ROLE"));
      assertThat(rows(browser)).contains("GitHub", "Snowflake").doesNotContain("Figma", "Zoom");
      assertThat(browser.driver().findElements(By.cssSelector(".badge.strategy-role"))).hasSize(rows(browser).size());

      browser.open("/admin/catalog");
      browser.size(390, 844);
      browser.screenshot("console-list-phone");
    }
  }

  @Test
  void enabled_whenSwitchedOffInTheList_thenSavedAsNewVersionAndChatNoLongerTakesRequests() {
    int before = api.version("Grammarly");
    try (Browser browser = admin()) {
      browser.open("/admin/catalog?q=gramm");
      browser.driver().findElement(By.cssSelector("tr[data-app='Grammarly'] button.switch")).click();
      browser.waitForText(By.cssSelector(".notice"), "Grammarly is no longer offered by the assistant");
      assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/catalog?q=gramm");
      assertThat(browser.driver().findElement(By.cssSelector("tr[data-app='Grammarly'] button.switch")).getText()).isEqualTo("Off");
    }
    Map<String, Object> saved = api.read("Grammarly");
    assertThat(saved).containsEntry("version", before + 1).containsEntry("changeDescription", "Disabled in the bot");
    assertThat(entry(saved)).containsEntry("enabledInBot", false);
    assertThat(sesame.chat("felipe.gomes", "can I get grammarly?")).contains("can't be requested here");
  }

  // ---------------------------------------------------------------------------------------------
  // Create

  @Test
  void create_whenSelfServiceAppIsFilledIn_thenRefusalsShowNextToFieldsAndEmployeeGetsInstructions() {
    try (Browser browser = admin()) {
      browser.open("/admin/catalog");
      browser.driver().findElement(By.linkText("+ Create app")).click();
      browser.waitFor(By.id("name"));
      browser.type(By.id("name"), "Excalidraw");
      browser.type(By.id("aliases"), "excali, sketches");
      new Select(browser.driver().findElement(By.id("approvalFlow"))).selectByValue("AUTO_APPROVE");
      browser.type(By.id("title"), "Draw in Excalidraw");
      browser.type(By.id("body"), "Open the **team whiteboard** and sign in with Google.");
      click(browser, "preview");
      assertThat(browser.waitFor(By.id("no-url")).getText()).contains("no https:// address");
      assertThat(browser.driver().findElement(By.cssSelector("#preview strong")).getText()).isEqualTo("team whiteboard");
      assertThat(value(browser, "name")).isEqualTo("Excalidraw");

      browser.type(By.id("body"), "1. Open **https://excalidraw.brightwave.example** and sign in with Google.\n2. Ask in #it-help.");
      new Select(browser.driver().findElement(By.id("strategy"))).selectByValue("GROUP");
      assertThat(browser.driver().findElement(By.id("externalId")).isDisplayed()).isTrue();
      assertThat(browser.driver().findElement(By.id("title")).isDisplayed()).isFalse();
      ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('button[value=switch]').hidden = false;");
      click(browser, "switch");
      assertThat(browser.driver().findElement(By.id("externalId")).isDisplayed()).isTrue();
      new Select(browser.driver().findElement(By.id("strategy"))).selectByValue("SELF_SERVICE");
      assertThat(value(browser, "title")).isEqualTo("Draw in Excalidraw");
      assertThat(value(browser, "body")).startsWith("1. Open **https://excalidraw");
      click(browser, "add-link");
      browser.type(By.id("links-0-label"), "Excalidraw guide");
      browser.type(By.id("links-0-url"), "http://excalidraw.example/guide");
      click(browser, "save");
      browser.waitFor(By.cssSelector(".summary"));
      assertThat(fieldError(browser, "links-0-url")).contains("must start with https://");
      assertThat(fieldError(browser, "changeDescription")).startsWith("Required: say what changed");
      assertThat(value(browser, "aliases")).isEqualTo("excali, sketches");
      assertThat(browser.driver().findElements(By.id("no-url"))).isEmpty();
      shot(browser, "console-create-refused");
      sesame.as(ADMIN).get("/api/apps/Excalidraw").then().statusCode(404);

      browser.type(By.id("links-0-url"), "https://excalidraw.brightwave.example/guide");
      browser.type(By.id("linksPretext"), "Learn Excalidraw:");
      browser.type(By.id("changeDescription"), "Design asked for a shared whiteboard");
      click(browser, "save");
      browser.waitForText(By.cssSelector(".notice"), "Created Excalidraw.");
      assertThat(rows(browser)).contains("Excalidraw");
    }
    Map<String, Object> app = entry(api.read("Excalidraw"));
    assertThat(app).containsEntry("approvalFlow", "AUTO_APPROVE").containsEntry("linksPretext", "Learn Excalidraw:");
    assertThat(aliases(app)).containsExactly("excali", "sketches");
    assertThat(sesame.chat("yaa.amoah", "can I get excalidraw?"))
        .contains("**Draw in Excalidraw**").contains("https://excalidraw.brightwave.example")
        .contains("[Excalidraw guide](https://excalidraw.brightwave.example/guide)");
  }

  // ---------------------------------------------------------------------------------------------
  // Edit: groups, roles, rules, approvers

  @Test
  void edit_whenGroupDoesNotExist_thenCheckSaysSoAndSaveIsRefusedUntilItExists() {
    int before = api.version("Asana");
    try (Browser browser = edit("Asana")) {
      assertThat(browser.driver().findElement(By.cssSelector(".note")).getText())
          .contains("people who already have access keep their membership in the old group");
      browser.type(By.id("externalId"), NO_SUCH_GROUP);
      click(browser, "check-group");
      assertThat(browser.waitFor(By.id("group-check")).getText()).isEqualTo("There is no group '" + NO_SUCH_GROUP + "' in corp-ldap.");
      browser.type(By.id("changeDescription"), "Move Asana to the new group");
      click(browser, "save");
      browser.waitFor(By.cssSelector(".summary"));
      assertThat(fieldError(browser, "externalId")).contains("There is no group '" + NO_SUCH_GROUP + "' in corp-ldap");
      shot(browser, "console-group-refused");
      assertThat(api.version("Asana")).isEqualTo(before);

      browser.type(By.id("externalId"), MIRO_USERS);
      click(browser, "check-group");
      assertThat(browser.waitFor(By.id("group-check")).getText()).startsWith("Found in corp-ldap: ");
      click(browser, "save");
      browser.waitForText(By.cssSelector(".notice"), "Saved Asana as version " + (before + 1));
    }
    assertThat(strategy(entry(api.read("Asana")))).containsEntry("externalId", MIRO_USERS);
  }

  @Test
  void edit_whenRolesRuleAndApproversAreTried_thenRefusalsAndAnswersShowAndOnlyAValidEntryIsSaved() {
    int before = api.version("Snowflake");
    try (Browser browser = edit("Snowflake")) {
      click(browser, "remove-role:1");
      assertThat(browser.waitFor(By.id("roles-problem")).getText()).contains("needs at least two roles");
      assertThat(browser.driver().findElements(By.cssSelector(".role-row"))).hasSize(2);

      click(browser, "add-role");
      browser.type(By.id("roles-2-name"), "admin");
      browser.type(By.id("roles-2-displayName"), "Admin");
      browser.type(By.id("roles-2-externalId"), NO_SUCH_GROUP);
      click(browser, "check-role:2");
      assertThat(browser.waitFor(By.id("role-check-2")).getText()).contains("There is no group");

      browser.type(By.id("accessRule"), "user.department ==");
      browser.type(By.id("testLogin"), EMPLOYEE);
      click(browser, "test-rule");
      assertThat(browser.waitFor(By.id("rule-result")).getText()).contains("does not compile");

      new Select(browser.driver().findElement(By.id("approvalFlow"))).selectByValue("MANAGER");
      browser.type(By.id("approverLogin"), EMPLOYEE);
      click(browser, "approvers");
      assertThat(browser.waitFor(By.id("approvers-result")).getText())
          .contains("Stage 1 (Manager): Isabel Romero (isabel.romero)");

      browser.type(By.id("changeDescription"), "Analysts need a manager's approval now");
      click(browser, "save");
      browser.waitFor(By.cssSelector(".summary"));
      assertThat(fieldError(browser, "accessRule")).startsWith("Does not compile: line 1");
      shot(browser, "console-roles-refused");

      browser.type(By.id("accessRule"), "user.department == 'Sales'");
      click(browser, "save");
      browser.waitFor(By.cssSelector(".summary"));
      assertThat(fieldError(browser, "roles-2-externalId")).contains("There is no group '" + NO_SUCH_GROUP + "'");
      assertThat(api.version("Snowflake")).isEqualTo(before);

      click(browser, "remove-role:2");
      click(browser, "test-rule");
      String result = browser.waitFor(By.id("rule-result")).getText();
      assertThat(result).containsAnyOf("true —", "false —").contains("user.department").contains("user.employmentType");
      browser.type(By.id("roles-0-displayName"), "Analyst (read-only)");
      click(browser, "save");
      browser.waitForText(By.cssSelector(".notice"), "Saved Snowflake as version " + (before + 1));
    }
    Map<String, Object> app = entry(api.read("Snowflake"));
    assertThat(app).containsEntry("approvalFlow", "MANAGER").containsEntry("accessRule", "user.department == 'Sales'");
    assertThat(roles(app)).hasSize(2).first().extracting(r -> r.get("displayName")).isEqualTo("Analyst (read-only)");
  }

  // ---------------------------------------------------------------------------------------------
  // Edit: someone else saved first; bad input posted by hand

  @Test
  void edit_whenSomeoneElseSavedMeanwhile_thenConflictKeepsTypedChangesAndSavesOnlyAfterReview() {
    int read = api.version("Notion");
    try (Browser browser = edit("Notion")) {
      new CatalogApi(sesame, OTHER_ADMIN).change("Notion", "Add the wiki alias", app -> aliases(app).add("team wiki"));
      browser.type(By.id("aliases"), value(browser, "aliases") + ", handbook");
      browser.type(By.id("changeDescription"), "People call it the handbook");
      click(browser, "save");
      String conflict = browser.waitFor(By.cssSelector(".conflict")).getText();
      assertThat(conflict).contains("erin.cole saved version " + (read + 1)).contains("you started from version " + read)
          .contains("Your changes are kept below").contains("team wiki");
      assertThat(value(browser, "aliases")).endsWith(", handbook");
      assertThat(value(browser, "changeDescription")).isEqualTo("People call it the handbook");
      shot(browser, "console-conflict");
      assertThat(aliases(entry(api.read("Notion")))).doesNotContain("handbook");

      browser.driver().findElement(By.cssSelector("button[value='rebase:" + (read + 1) + "']")).click();
      browser.waitForText(By.cssSelector(".notice"), "editing over version " + (read + 1));
      browser.type(By.id("aliases"), value(browser, "aliases") + ", team wiki");
      click(browser, "save");
      browser.waitForText(By.cssSelector(".notice"), "Saved Notion as version " + (read + 2));
    }
    assertThat(aliases(entry(api.read("Notion")))).contains("handbook", "team wiki");
    assertThat(sesame.chat("jessica.roberts", "can I get the handbook?")).contains("Notion");
  }

  @Test
  void save_whenInputIsEmptyHugeOrForged_thenErrorsShowOnTheFormAndNothingIsSaved() {
    int before = api.version("Jira");
    try (Browser browser = admin()) {
      browser.open("/admin/catalog/new");
      browser.waitFor(By.id("name"));
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      js.executeScript("document.querySelectorAll('#app-form input:not([type=hidden]):not([type=checkbox]), #app-form textarea')"
          + ".forEach(function (i) { i.value = ''; });");
      js.executeScript("var f = document.getElementById('approvalFlow'); var o = new Option('BOGUS!', 'BOGUS!', true, true);"
          + " f.add(o); f.value = 'BOGUS!';"
          + " var s = document.getElementById('strategy'); s.add(new Option('NOPE', 'NOPE', true, true)); s.value = 'NOPE';"
          + " document.getElementById('name').value = 'x'.repeat(5000);"
          + " document.getElementById('aliases').value = 'y'.repeat(5000);");
      click(browser, "save");
      browser.waitFor(By.cssSelector(".summary"));
      assertThat(fieldError(browser, "name")).contains("at most 128");
      assertThat(fieldError(browser, "aliases")).contains("1 to 64 characters");
      assertThat(fieldError(browser, "approvalFlow")).contains("'BOGUS!' is not an approval flow");
      assertThat(fieldError(browser, "strategy")).contains("SELF_SERVICE, GROUP, ROLE");
      assertThat(fieldError(browser, "changeDescription")).startsWith("Required: say what changed");
      shot(browser, "console-forged-input");

      browser.open("/admin/catalog/Jira/edit");
      browser.waitFor(By.id("aliases"));
      js.executeScript("document.querySelector('#app-form input[name=version]').remove();");
      browser.type(By.id("changeDescription"), "Saved without the version read");
      click(browser, "save");
      assertThat(browser.waitFor(By.cssSelector(".summary")).getText()).contains("Version: is required");
      assertThat(browser.driver().getTitle()).startsWith("Software Catalog · Jira");

      browser.open("/admin/catalog/No such app/edit");
      assertThat(browser.driver().getPageSource()).contains("there is no app named 'No such app'");
    }
    assertThat(api.version("Jira")).isEqualTo(before);
    sesame.as(ADMIN).get("/api/apps/" + "x".repeat(100)).then().statusCode(404);
  }

  // ---------------------------------------------------------------------------------------------
  // History, restore, archive

  @Test
  void history_whenOlderVersionIsRestored_thenItIsSavedAsNewVersionAndChatShowsIt() {
    String original = (String) strategy(entry(api.read("Loom"))).get("title");
    api.change("Loom", "Try a shorter title", app -> strategy(app).put("title", "Loom: sign in with Okta"));
    try (Browser browser = admin()) {
      browser.open("/admin/catalog/Loom/edit");
      browser.driver().findElement(By.linkText("History")).click();
      WebElement newest = browser.waitFor(By.cssSelector(".version[data-version='2']"));
      assertThat(newest.getText()).contains("Try a shorter title").contains("sam.patel")
          .contains("Self-service title: " + original + " → Loom: sign in with Okta");
      shot(browser, "console-history");

      browser.type(By.id("restore-1"), "The short title confused people");
      browser.driver().findElement(By.cssSelector(".version[data-version='1'] form.restore button")).click();
      browser.waitForText(By.cssSelector(".notice"), "Restored version 1 of Loom as version 3.");
      assertThat(browser.driver().findElement(By.cssSelector(".version[data-version='3']")).getText())
          .contains("The short title confused people").contains("Loom: sign in with Okta → " + original);
    }
    assertThat(api.read("Loom")).containsEntry("version", 3);
    assertThat(strategy(entry(api.read("Loom")))).containsEntry("title", original);
    assertThat(sesame.chat("jonas.becker", "can I get loom?")).contains("**" + original + "**");
  }

  @Test
  void archive_whenArchivedFromTheEditPageWithAReason_thenGoneFromListAndChat() {
    try (Browser browser = edit("Tableau")) {
      browser.size(390, 844);
      browser.screenshot("console-edit-phone");
      browser.size(1280, 860);
      browser.type(By.id("reason"), "Replaced by Looker");
      browser.driver().findElement(By.id("archive")).click();
      browser.waitForText(By.cssSelector(".notice"), "Archived Tableau.");
      assertThat(rows(browser)).doesNotContain("Tableau");
    }
    Map<String, Object> archived = api.read("Tableau");
    assertThat(archived).containsEntry("archived", true).containsEntry("changeDescription", "Replaced by Looker");
    assertThat(sesame.chat("elif.yilmaz", "can I get tableau?")).doesNotContain("I'll request **Tableau**");
  }

  // ---------------------------------------------------------------------------------------------

  private static Browser admin() {
    Browser browser = new Browser(sesame);
    browser.signIn(ADMIN);
    browser.waitFor(By.cssSelector(".topbar"));
    return browser;
  }

  private static Browser edit(String app) {
    Browser browser = admin();
    browser.open("/admin/catalog");
    browser.driver().findElement(By.cssSelector("tr[data-app='" + app + "'] a.edit")).click();
    browser.waitFor(By.id("changeDescription"));
    return browser;
  }

  /** Presses the editor's button with this action and waits for the page it brings. */
  private static void click(Browser browser, String action) {
    WebElement page = browser.driver().findElement(By.tagName("html"));
    browser.driver().findElement(By.cssSelector("#app-form button[value='" + action + "']:not(.visually-hidden)")).click();
    browser.waitUntilGone(page);
    browser.waitFor(By.cssSelector("main"));
  }

  private static String value(Browser browser, String id) {
    return browser.driver().findElement(By.id(id)).getDomProperty("value");
  }

  /** The error shown in the field of the input with this id. */
  private static String fieldError(Browser browser, String id) {
    return browser.driver().findElement(By.id(id)).findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"))
        .findElement(By.cssSelector(".field-error")).getText();
  }

  private static List<String> rows(Browser browser) {
    return browser.driver().findElements(By.cssSelector("table.catalog tbody tr")).stream()
        .map(row -> row.getDomAttribute("data-app")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entry(Map<String, Object> read) {
    return (Map<String, Object>) read.get("app");
  }

  /** A screenshot of the whole page, not just the window. */
  private static void shot(Browser browser, String name) {
    Number height = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.body.scrollHeight;");
    browser.size(1280, Math.min(4000, Math.max(860, height.intValue() + 120)));
    browser.screenshot(name);
    browser.size(1280, 860);
  }
}
