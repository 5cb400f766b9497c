package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The web chat and the approvals page, clicked and typed in a real browser. */
class WebChatIT {

  private static final String FIGMA = "cn=figma-users,ou=groups,dc=brightwave,dc=example";

  private final RunningSesame sesame = RunningSesame.shared();

  @Test
  void webChat_whenEmployeeAsksAndManagerApprovesOnTheWeb_thenAccessIsGrantedAndTold() {
    try (Browser employee = new Browser(sesame); Browser manager = new Browser(sesame)) {
      employee.open("/chat");
      assertThat(employee.driver().getCurrentUrl()).endsWith("/login");
      employee.screenshot("login");
      employee.signIn("elif.yilmaz");
      employee.waitFor(By.id("message"));
      assertThat(employee.driver().findElement(By.cssSelector(".message.intro")).getText()).contains("I'm Sesame");

      employee.type(By.id("message"), "hi! can I get fgima please?");
      employee.driver().findElement(By.id("message")).sendKeys(Keys.ENTER);
      employee.waitForText(By.id("messages"), "Shall I submit the request?");
      assertThat(employee.driver().findElement(By.id("messages")).getText()).contains("I think you mean Figma");
      employee.type(By.id("message"), "yes");
      employee.driver().findElement(By.cssSelector(".composer button")).click();
      employee.waitForText(By.id("messages"), "Request submitted for Figma");
      employee.screenshot("chat-desktop");

      manager.signIn("stefan.richter");
      manager.open("/approvals");
      manager.waitForText(By.cssSelector(".cards"), "Figma");
      manager.screenshot("approvals");
      manager.type(By.cssSelector(".decision input[name=comment]"), "Enjoy");
      manager.driver().findElement(By.cssSelector("button[value=approve]")).click();
      manager.waitForText(By.cssSelector(".notice"), "Approved Figma for elif.yilmaz");

      employee.waitForText(By.id("messages"), "You now have access to Figma");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(sesame.membersOf(FIGMA)).contains("uid=elif.yilmaz,ou=people,dc=brightwave,dc=example"));
      assertThat(employee.driver().findElement(By.linkText("Figma help center")).getAttribute("href"))
          .isEqualTo("https://help.figma.com/");
      employee.screenshot("chat-granted");
      employee.size(390, 844);
      employee.screenshot("chat-phone");
    }
  }

  @Test
  void webChat_whenMessageContainsHtml_thenItIsShownAsTextNeverRun() {
    try (Browser browser = new Browser(sesame)) {
      browser.signIn("jonas.becker");
      browser.waitFor(By.id("message"));
      browser.type(By.id("message"), "<img src=x onerror=alert(1)> can I get <b>zoom</b>");
      browser.driver().findElement(By.id("message")).sendKeys(Keys.ENTER);
      browser.waitForText(By.id("messages"), "Install Zoom");
      assertThat(browser.driver().findElements(By.cssSelector("#messages img"))).isEmpty();
      assertThat(browser.driver().findElement(By.cssSelector(".message.person .bubble")).getText())
          .contains("<img src=x onerror=alert(1)>");
    }
  }
}
