package dev.sesame.provisioning.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sends JSON requests with one JDK {@link HttpClient} pinned to HTTP/1.1 (no h2c upgrade, which
 * some servers and proxies mishandle for bodies), each with a timeout. Thread-safe.
 */
public final class JsonHttp {

  private final HttpClient client;
  private final Duration timeout;

  public JsonHttp(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Sends one request and returns whatever the server answered, errors included. */
  public Response send(String method, URI uri, Map<String, String> headers, @Nullable String body)
      throws CallFailed {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", headers.getOrDefault("Content-Type", "application/json"));
    }
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        request.header(name, value);
      }
    });
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (HttpTimeoutException e) {
      throw new CallFailed(method + " " + uri.getHost() + uri.getPath() + " got no answer within " + timeout, true, e);
    } catch (IOException e) {
      throw new CallFailed("cannot reach " + uri.getHost() + ":" + uri.getPort() + " (" + e + ")", false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallFailed("interrupted while calling " + uri.getHost(), false, e);
    }
  }
}
