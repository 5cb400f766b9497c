package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * The console is for catalog admins only, and no form of the app acts without its CSRF token:
 * every refusal is a 403 that changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityIT {

  private static final String EMPLOYEE = "alex.kim";
  private static final String MANAGER = "priya.nair";
  private static final String ADMIN = "sam.patel";

  private RunningSesame sesame;
  private String requestId;

  @BeforeAll
  void start() {
    sesame = RunningSesame.fresh(Map.of());
    sesame.chat(EMPLOYEE, "can I get figma?");
    assertThat(sesame.chat(EMPLOYEE, "yes")).contains("Request submitted for **Figma**");
    requestId = sesame.as(EMPLOYEE).get("/api/requests").then().statusCode(200).extract().path("[0].id");
  }

  @AfterAll
  void stop() {
    sesame.close();
  }

  private List<String> consolePages() {
    return List.of("/admin/catalog", "/admin/systems", "/admin/systems/new", "/admin/systems/corp-ldap/edit",
        "/admin/requests", "/admin/audit", "/admin/requests/" + requestId);
  }

  private String state() {
    return sesame.as(ADMIN).get("/api/requests/" + requestId).then().statusCode(200).extract().path("state");
  }

  @Nested
  class NonAdmin {

    @Test
    void consolePages_whenNonAdminOpensThemInTheBrowser_thenTheNotAllowedPage() {
      try (Browser browser = new Browser(sesame)) {
        browser.signIn(EMPLOYEE);
        browser.waitFor(By.id("message"));
        assertThat(browser.driver().findElements(By.linkText("Requests"))).as("console links in the nav").isEmpty();
        for (String page : consolePages()) {
          browser.open(page);
          assertThat(browser.waitFor(By.tagName("h1")).getText()).as(page).contains("Not allowed");
        }
        browser.screenshot("console-403");
        browser.size(390, 844);
        browser.screenshot("console-403-phone");
      }
    }

    @Test
    void consolePages_whenNonAdminGetsThem_then403() {
      WebSession employee = WebSession.signIn(sesame, EMPLOYEE);
      for (String page : consolePages()) {
        assertThat(employee.request().get(page).statusCode()).as(page).isEqualTo(403);
      }
    }

    @Test
    void consolePosts_whenNonAdminSendsThemWithAValidToken_then403AndNothingChanges() {
      WebSession employee = WebSession.signIn(sesame, EMPLOYEE);
      String token = employee.csrf();
      for (String action : List.of("/admin/catalog", "/admin/catalog/figma", "/admin/systems/new",
          "/admin/systems/corp-ldap/edit", "/admin/requests",
          "/admin/requests/" + requestId, "/admin/audit")) {
        assertThat(employee.request().formParam("_csrf", token).formParam("decision", "approve").post(action).statusCode())
            .as(action).isEqualTo(403);
      }
      assertThat(state()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void consolePages_whenAdminGetsThem_then200() {
      WebSession admin = WebSession.signIn(sesame, ADMIN);
      for (String page : List.of("/admin/requests", "/admin/audit", "/admin/systems", "/admin/systems/new",
          "/admin/systems/corp-ldap/edit", "/admin/requests/" + requestId)) {
        assertThat(admin.request().get(page).statusCode()).as(page).isEqualTo(200);
      }
    }
  }

  @Nested
  class Csrf {

    @Test
    void chat_whenPostedWithoutToken_then403AndNoMessage() {
      WebSession employee = WebSession.signIn(sesame, EMPLOYEE);
      int before = messages(employee);
      assertThat(employee.request().formParam("message", "can I get zoom?").post("/chat").statusCode()).isEqualTo(403);
      assertThat(messages(employee)).isEqualTo(before);

      assertThat(employee.request().formParam("_csrf", employee.csrf()).formParam("message", "can I get zoom?")
          .post("/chat").statusCode()).as("the same post with its token").isEqualTo(302);
      assertThat(messages(employee)).isGreaterThan(before);
    }

    @Test
    void approval_whenPostedWithoutToken_then403AndStillWaiting() {
      WebSession manager = WebSession.signIn(sesame, MANAGER);
      assertThat(manager.request().formParam("decision", "deny").formParam("comment", "forged")
          .post("/approvals/" + requestId).statusCode()).isEqualTo(403);
      assertThat(state()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void logout_whenPostedWithoutToken_then403AndStillSignedIn() {
      WebSession employee = WebSession.signIn(sesame, EMPLOYEE);
      assertThat(employee.request().post("/logout").statusCode()).isEqualTo(403);
      assertThat(employee.signedInAsSamePerson()).isTrue();
    }

    @Test
    void login_whenPostedWithoutTokenOverASession_then403AndSessionKeepsItsPerson() {
      WebSession employee = WebSession.signIn(sesame, EMPLOYEE);
      assertThat(employee.request().formParam("username", ADMIN).formParam("password", RunningSesame.PASSWORD)
          .post("/login").statusCode()).isEqualTo(403);
      assertThat(employee.signedInAsSamePerson()).isTrue();
    }

    @Test
    void consoleFilters_whenPostedWithoutToken_then403() {
      WebSession admin = WebSession.signIn(sesame, ADMIN);
      for (String action : List.of("/admin/requests", "/admin/audit")) {
        assertThat(admin.request().formParam("state", "DENIED").post(action).statusCode()).as(action).isEqualTo(403);
      }
    }

    private int messages(WebSession session) {
      return session.request().accept("application/json").get("/api/chat/messages")
          .then().statusCode(200).extract().<List<Object>>path("$").size();
    }
  }
}
