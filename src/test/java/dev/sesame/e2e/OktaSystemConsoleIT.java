package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.provisioning.okta.FakeOkta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An Okta system added in the Provisioning Systems console, against a fake Okta org: the console
 * shows the Okta settings, "Test connection" names the bad token and then succeeds, and the token
 * never comes back out of the page or the API.
 */
class OktaSystemConsoleIT {

  private static final String ADMIN = "sam.patel";
  private static final String SYSTEM = "okta-test";

  private static RunningSesame sesame;
  private static FakeOkta okta;

  @BeforeAll
  static void start() {
    okta = FakeOkta.start();
    sesame = RunningSesame.fresh(Map.of());
  }

  @AfterAll
  static void stop() {
    sesame.close();
    okta.close();
  }

  @Test
  void create_whenOktaTestedWithWrongThenRightToken_thenSavedWithTokenHidden() {
    try (Browser browser = new Browser(sesame)) {
      browser.signIn(ADMIN);
      browser.waitFor(By.cssSelector(".topbar"));
      browser.open("/admin/systems");
      browser.driver().findElement(By.linkText("+ Create system")).click();
      browser.waitFor(By.id("kind"));
      new Select(browser.driver().findElement(By.id("kind"))).selectByValue("okta");
      browser.driver().findElement(By.cssSelector("button[name=action][value=kind]")).click();
      browser.waitFor(By.id("s-org-url"));
      assertThat(browser.driver().findElement(By.id("s-api-token")).getAttribute("type")).isEqualTo("password");
      assertThat(browser.driver().findElement(By.id("s-private-key")).getAttribute("type")).isEqualTo("password");
      // Following Sesame's own directory connection is an LDAP matter.
      assertThat(browser.driver().findElements(By.id("followsDirectory"))).isEmpty();

      browser.type(By.id("name"), SYSTEM);
      browser.type(By.id("s-org-url"), okta.url());
      browser.type(By.id("s-api-token"), "not-the-token");
      browser.driver().findElement(By.id("test-connection")).click();
      browser.waitFor(By.cssSelector(".test-result.bad"));
      assertThat(browser.driver().findElement(By.cssSelector(".test-result")).getText()).contains("api-token");

      browser.type(By.id("s-api-token"), FakeOkta.TOKEN);
      browser.driver().findElement(By.id("test-connection")).click();
      browser.waitFor(By.cssSelector(".test-result.good"));
      assertThat(browser.driver().findElement(By.cssSelector(".test-result")).getText())
          .startsWith("OK:").contains("sesame-admin@brightwave.example");
      assertThat(browser.driver().getPageSource()).doesNotContain(FakeOkta.TOKEN);
      browser.screenshot("systems-okta-test-ok");

      browser.type(By.id("s-api-token"), FakeOkta.TOKEN);
      browser.driver().findElement(By.id("save")).click();
      browser.waitFor(By.cssSelector("tr[data-system=" + SYSTEM + "]"));
      assertThat(browser.driver().getPageSource()).doesNotContain(FakeOkta.TOKEN).contains(okta.url());
      browser.screenshot("systems-okta-created");
    }
    String api = sesame.as(ADMIN).get("/api/systems").then().statusCode(200).extract().asString();
    assertThat(api).contains(SYSTEM).doesNotContain(FakeOkta.TOKEN);
    List<Object> kinds = sesame.as(ADMIN).get("/api/systems").then().extract().path("kind");
    assertThat(kinds).contains("okta");
  }
}
