package dev.sesame.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sesame as a real server process of its own ({@code java -cp … dev.sesame.SesameApplication}),
 * so a test can kill it the way an operating system does ({@link #kill()}: SIGKILL on Linux) or run
 * several nodes side by side. It runs on the test's classpath with its own port and data folder;
 * what it prints goes to {@link #log()}. Point it at an external database and directory (e.g.
 * {@link DebianPostgres} and {@link ScriptedDirectory}) so that they outlive it.
 */
final class SesameProcess implements AutoCloseable {

  /** One key for every node, so that secrets one node stores the others can read. */
  static final String SECRETS_KEY = "c2VzYW1lLXRlc3Qtbm9kZXMtc2hhcmUtdGhpcy1rZXk=";

  private static final Duration STARTUP = Duration.ofSeconds(180);

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private SesameProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts a node named {@code name} with these settings ({@code key → value}, as on the command
   * line without the dashes) on a new data folder, and waits until it answers.
   */
  static SesameProcess start(String name, Map<String, String> properties) {
    SesameProcess node = launch(name, properties);
    node.awaitReady();
    return node;
  }

  /** Starts a node without waiting for it; call {@link #awaitReady()} before using it. */
  static SesameProcess launch(String name, Map<String, String> properties) {
    try {
      Path dataDir = Files.createTempDirectory("sesame-node-" + name);
      int port = freePort();
      Map<String, String> all = new LinkedHashMap<>();
      all.put("server.port", String.valueOf(port));
      all.put("sesame.data-dir", dataDir.toString());
      all.put("sesame.secrets.key", SECRETS_KEY);
      all.put("sesame.jobs.poll-interval", "200ms");
      all.put("sesame.jobs.heartbeat", "1s");
      all.put("sesame.provisioning.first-retry", "1s");
      all.put("spring.main.banner-mode", "off");
      all.put("logging.level.root", "warn");
      all.put("logging.level.dev.sesame", "info");
      all.putAll(properties);
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-cp", System.getProperty("java.class.path"),
          "dev.sesame.SesameApplication"));
      all.forEach((key, value) -> command.add("--" + key + "=" + value));
      Path log = dataDir.resolve("sesame.log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      return new SesameProcess(name, process, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the node's health endpoint answers, or fails with the end of its log. */
  void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).build();
    Instant until = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException("node " + name + " did not answer within " + STARTUP + ":\n" + tail());
  }

  int port() {
    return port;
  }

  /** Where the node's output goes. */
  Path log() {
    return log;
  }

  /** A REST request to this node as this person (HTTP Basic with the demo password). */
  RequestSpecification as(String login) {
    return RestAssured.given().baseUri("http://127.0.0.1").port(port)
        .auth().preemptive().basic(login, RunningSesame.PASSWORD)
        .contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  /** Kills the process at once, without any shutdown (SIGKILL on Linux), and waits until it is gone. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** Stops the process as an operator would (SIGTERM: a graceful shutdown). */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    waitFor();
  }

  /** The last lines the node printed, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void waitFor() {
    try {
      process.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
