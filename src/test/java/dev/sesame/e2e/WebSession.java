package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session over plain HTTP: signed in through the login form, so requests carry the
 * session cookie (and, only when asked, the form's CSRF token) exactly as a page's forms would.
 */
final class WebSession {

  private static final String COOKIE = "JSESSIONID";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final RunningSesame sesame;
  private final String login;
  private final String cookie;

  private WebSession(RunningSesame sesame, String login, String cookie) {
    this.sesame = sesame;
    this.login = login;
    this.cookie = cookie;
  }

  /** Signs in with the login form, as a person at a browser would. */
  static WebSession signIn(RunningSesame sesame, String login) {
    Response page = base(sesame).get("/login");
    page.then().statusCode(200);
    Response signedIn = base(sesame).cookie(COOKIE, page.getCookie(COOKIE))
        .formParam("username", login).formParam("password", RunningSesame.PASSWORD)
        .formParam("_csrf", csrf(page.asString()))
        .post("/login");
    assertThat(signedIn.statusCode()).as("sign-in redirect").isEqualTo(302);
    assertThat(signedIn.getHeader("Location")).doesNotContain("error");
    return new WebSession(sesame, login, signedIn.getCookie(COOKIE));
  }

  /** A request with the session cookie and nothing else. */
  RequestSpecification request() {
    return base(sesame).cookie(COOKIE, cookie);
  }

  /** The CSRF token of this session, as the chat page's forms carry it. */
  String csrf() {
    Response page = request().get("/chat");
    page.then().statusCode(200);
    return csrf(page.asString());
  }

  /** True while the session is still signed in as the same person. */
  boolean signedInAsSamePerson() {
    Response page = request().get("/chat");
    return page.statusCode() == 200 && page.asString().contains(">" + login + "<");
  }

  String login() {
    return login;
  }

  private static RequestSpecification base(RunningSesame sesame) {
    return RestAssured.given().baseUri("http://127.0.0.1").port(sesame.port()).redirects().follow(false);
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    return m.group(1);
  }
}
