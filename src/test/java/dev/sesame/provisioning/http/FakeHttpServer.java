package dev.sesame.provisioning.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP/1.1 server on a free loopback port for vendor fakes, on embedded Tomcat (already on
 * the class path). NB. not the JDK's {@code HttpServer}: that one overwrites any {@code Date}
 * header with its own clock, and the fakes must send the date of the clock the test controls.
 */
public final class FakeHttpServer implements AutoCloseable {

  /** Keeps Tomcat's start and stop lines out of the test output (a strong reference, or JUL forgets it). */
  private static final java.util.logging.Logger TOMCAT_LOG = quiet();

  /** What a fake does with one request. */
  @FunctionalInterface
  public interface Handler {
    Answer handle(Request request) throws Exception;
  }

  /**
   * One request: method, decoded path, decoded query parameters, raw query, headers, body.
   *
   * @param rawQuery the query as sent, empty when there is none
   */
  public record Request(String method, String path, Map<String, String> query, String rawQuery,
      Map<String, List<String>> headers, String body) {

    /** The first value of a header (case-insensitive), empty when absent. */
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
    }

    /** The path with its raw query, as a log line would show it. */
    public String target() {
      return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }
  }

  /** One answer: status, headers (repeatable, in order) and a body ({@code null} for none). */
  public record Answer(int status, List<Map.Entry<String, String>> headers, byte @Nullable [] body) {

    /** An answer with no headers yet. */
    public static Answer of(int status, byte @Nullable [] body) {
      return new Answer(status, new ArrayList<>(), body);
    }

    /** Adds a header (a repeated name is sent as several lines). */
    public Answer header(String name, String value) {
      headers.add(Map.entry(name, value));
      return this;
    }
  }

  private final Tomcat tomcat;
  private final Connector connector;
  private final Path baseDir;
  private boolean closed;

  private FakeHttpServer(Handler handler) throws IOException, LifecycleException {
    baseDir = Files.createTempDirectory("fake-http");
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", baseDir.toString());
    Tomcat.addServlet(context, "fake", new Dispatch(handler));
    context.addServletMappingDecoded("/", "fake");
    tomcat.start();
  }

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.apache");
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  /** Starts a server that answers every request with {@code handler}. */
  public static FakeHttpServer start(Handler handler) {
    try {
      return new FakeHttpServer(handler);
    } catch (IOException | LifecycleException e) {
      throw new IllegalStateException("the fake HTTP server did not start: " + e.getMessage(), e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + connector.getLocalPort();
  }

  /** Stops the server (its port refuses connections from now on); closing twice is harmless. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    } finally {
      try (var files = Files.walk(baseDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // NB. a leftover temporary directory is harmless.
      }
    }
  }

  private static final class Dispatch extends HttpServlet {

    private final transient Handler handler;

    Dispatch(Handler handler) {
      this.handler = handler;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Map<String, List<String>> headers = new HashMap<>();
      for (String name : java.util.Collections.list(request.getHeaderNames())) {
        headers.put(name, java.util.Collections.list(request.getHeaders(name)));
      }
      String rawQuery = request.getQueryString() == null ? "" : request.getQueryString();
      Map<String, String> query = new HashMap<>();
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      Answer answer;
      try {
        answer = handler.handle(new Request(request.getMethod(), request.getRequestURI(), query, rawQuery, headers,
            body));
      } catch (Exception e) {
        answer = Answer.of(500, ("{\"fake\":\"" + e + "\"}").getBytes(StandardCharsets.UTF_8));
      }
      response.setStatus(answer.status());
      for (Map.Entry<String, String> header : answer.headers()) {
        response.addHeader(header.getKey(), header.getValue());
      }
      if (answer.body() != null) {
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
      }
    }
  }
}
