package dev.sesame.e2e;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.sesame.SesameApplication;
import dev.sesame.directory.DirectoryConnection;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sesame started for real, as {@code mvn spring-boot:run} would, on free ports with its own data
 * folder: embedded PostgreSQL, the embedded directory, durable jobs. It can be stopped and started
 * again on the same data, like a server that restarts.
 */
public final class RunningSesame implements AutoCloseable {

  /** The demo password of every person in the seed directory. */
  public static final String PASSWORD = "sesame";

  private static RunningSesame shared;

  private final Path dataDir;
  private ConfigurableApplicationContext context;

  private RunningSesame(Path dataDir, Map<String, String> properties) {
    this.dataDir = dataDir;
    this.context = start(properties);
  }

  /** One instance shared by the tests of this JVM (they use different people and apps). */
  public static synchronized RunningSesame shared() {
    if (shared == null) {
      shared = fresh(Map.of());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  /** A new instance on a new, empty data folder. */
  public static RunningSesame fresh(Map<String, String> properties) {
    try {
      return new RunningSesame(Files.createTempDirectory("sesame-it"), properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the application and starts it again on the same data. */
  public void restart(Map<String, String> properties) {
    context.close();
    context = start(properties);
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** A REST request as this person (HTTP Basic with the demo password). */
  public RequestSpecification as(String login) {
    return RestAssured.given().baseUri("http://127.0.0.1").port(port())
        .auth().preemptive().basic(login, PASSWORD)
        .contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  /** Sends a chat message as this person and returns the assistant's answer. */
  public String chat(String login, String message) {
    Response response = as(login).body(Map.of("message", message)).post("/api/chat");
    response.then().statusCode(200);
    return response.path("reply.body");
  }

  /** The person's whole conversation, assistant messages only, oldest first. */
  public List<String> notices(String login) {
    List<Map<String, Object>> messages = as(login).get("/api/chat/messages").then().statusCode(200)
        .extract().path("$");
    List<String> out = new ArrayList<>();
    messages.stream().filter(m -> "sesame".equals(m.get("author"))).forEach(m -> out.add((String) m.get("body")));
    return out;
  }

  /** Looks into the directory over LDAP, apart from Sesame: the members of a group. */
  public List<String> membersOf(String groupDn) {
    DirectoryConnection connection = bean(DirectoryConnection.class);
    try {
      LDAPURL url = new LDAPURL(connection.url());
      try (LDAPConnection ldap = new LDAPConnection(url.getHost(), url.getPort(), connection.bindDn(), connection.bindPassword())) {
        SearchResultEntry group = ldap.getEntry(groupDn, "member");
        return group == null || group.getAttributeValues("member") == null ? List.of()
            : List.of(group.getAttributeValues("member"));
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + groupDn + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (context.isActive()) {
      context.close();
    }
  }

  private ConfigurableApplicationContext start(Map<String, String> properties) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--sesame.data-dir=" + dataDir,
        "--sesame.directory.embedded.port=0",
        "--sesame.jobs.poll-interval=200ms",
        "--sesame.provisioning.first-retry=1s",
        "--spring.main.banner-mode=off"));
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return SpringApplication.run(SesameApplication.class, args.toArray(String[]::new));
  }
}
