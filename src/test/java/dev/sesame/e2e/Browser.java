package dev.sesame.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which the test
 * script installs). A missing browser fails the test; it never skips.
 */
final class Browser implements AutoCloseable {

  /** Where screenshots go, to be looked at after a run. */
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;
  private final String base;

  Browser(RunningSesame sesame) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,860");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
        .build();
    this.driver = new ChromeDriver(service, options);
    this.base = "http://127.0.0.1:" + sesame.port();
  }

  void open(String path) {
    driver.get(base + path);
  }

  void signIn(String login) {
    open("/login");
    type(By.id("username"), login);
    type(By.id("password"), RunningSesame.PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
  }

  void type(By field, String text) {
    WebElement element = driver.findElement(field);
    element.clear();
    element.sendKeys(text);
  }

  WebElement waitFor(By what) {
    return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(what));
  }

  /**
   * Waits until {@code page} (an element of the page before a navigation) is gone. Chromium
   * sometimes answers "node … does not belong to the document" instead of "stale" while the new
   * page loads: that means gone too.
   */
  void waitUntilGone(WebElement page) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
      try {
        page.isEnabled();
        return false;
      } catch (StaleElementReferenceException e) {
        return true;
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    });
  }

  void waitForText(By what, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(what, text));
  }

  WebDriver driver() {
    return driver;
  }

  void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Saves a PNG of the page under target/screenshots. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
