package dev.sesame.provisioning.scim;

import dev.sesame.common.UnavailableException;
import dev.sesame.provisioning.ConnectorRefusedException;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.ThrottledException;
import dev.sesame.provisioning.WriteResult;
import dev.sesame.provisioning.WriteResult.RetryLater.Why;
import dev.sesame.provisioning.http.CallFailed;
import dev.sesame.provisioning.http.JsonHttp;
import dev.sesame.provisioning.http.Response;
import dev.sesame.provisioning.http.RetryTimes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Calls to one SCIM 2.0 server with its bearer token: list responses read to the end with {@code
 * startIndex}/{@code count} against {@code totalResults}, and answers translated once: 429 and 503
 * wait for {@code Retry-After}; other 5xx and no answer are "unavailable"; 401 and 403 are
 * refusals an admin must fix. Thread-safe.
 */
final class ScimApi {

  /** The wait when the server throttles or fails without a {@code Retry-After}. */
  static final Duration BACKOFF = Duration.ofSeconds(30);

  /** RFC 7644's media type; servers also take {@code application/json}. */
  static final String MEDIA_TYPE = "application/scim+json";

  private static final int PAGE = 100;
  private static final int MAX_PAGES = 10_000;

  private final ProvisioningSystemId system;
  private final ScimSettings settings;
  private final Clock clock;
  private final JsonHttp http;

  ScimApi(ProvisioningSystemId system, ScimSettings settings, Clock clock) {
    this.system = system;
    this.settings = settings;
    this.clock = clock;
    this.http = new JsonHttp(settings.timeout());
  }

  /** The server's URL with this path and query (already encoded). */
  URI uri(String pathAndQuery) {
    return URI.create(settings.baseUrl() + pathAndQuery);
  }

  /** Where the server is, for messages. */
  URI baseUrl() {
    return settings.baseUrl();
  }

  /** One call with the bearer token; the answer as it came. */
  Response call(String method, URI uri, @Nullable String json) throws CallFailed {
    return http.send(method, uri, Map.of("Authorization", "Bearer " + settings.bearerToken(),
        "Content-Type", MEDIA_TYPE), json);
  }

  /**
   * Every resource of a list query ({@code query} is the encoded query without paging), page by
   * page until {@code totalResults} is reached or a page comes back empty. NB. a failed page fails
   * the whole read: a partial list would let a caller conclude "not a member" falsely.
   */
  List<JsonNode> readAll(String path, String query, String action) throws CallFailed {
    List<JsonNode> items = new ArrayList<>();
    int start = 1;
    for (int page = 0; ; page++) {
      if (page == MAX_PAGES) {
        throw new UnavailableException(system.value() + " kept answering with more pages; could not " + action, null);
      }
      Response response = call("GET", uri(path + "?" + query + "&startIndex=" + start + "&count=" + PAGE), null);
      requireOk(response, action);
      JsonNode body = response.json();
      int before = items.size();
      body.path("Resources").forEach(items::add);
      int total = body.path("totalResults").asInt(items.size());
      if (items.size() == before || items.size() >= total) {
        return items;
      }
      start += items.size() - before;
    }
  }

  /** Throws the typed exception for an answer that is not 2xx. */
  void requireOk(Response response, String action) {
    if (response.ok()) {
      return;
    }
    String what = describe(response, action);
    if (response.status() == 429 || response.status() == 503) {
      throw new ThrottledException(what, retryDelay(response), null);
    }
    if (response.status() >= 500) {
      throw new UnavailableException(what, null);
    }
    throw new ConnectorRefusedException(refusal(response.status()), what + hint(response.status()));
  }

  /** The result of a write the server did not accept. */
  WriteResult refusal(Response response, String action) {
    String what = describe(response, action);
    if (response.status() == 429) {
      return new WriteResult.RetryLater(retryDelay(response), Why.THROTTLED, what);
    }
    if (response.status() == 503) {
      return new WriteResult.RetryLater(retryDelay(response), Why.UNAVAILABLE, what);
    }
    if (response.status() >= 500) {
      return new WriteResult.RetryLater(BACKOFF, what);
    }
    return new WriteResult.Rejected(refusal(response.status()), what + hint(response.status()));
  }

  /** What went wrong, naming the system, the action and the SCIM error. */
  String describe(Response response, String action) {
    return system.value() + " could not " + action + " (" + response.status() + " " + ScimError.of(response) + ")";
  }

  private Duration retryDelay(Response response) {
    return RetryTimes.retryAfter(response, clock, BACKOFF);
  }

  private static Refusal refusal(int status) {
    return switch (status) {
      case 401 -> Refusal.INVALID_CONFIGURATION;
      case 403 -> Refusal.ACCESS_DENIED;
      case 404 -> Refusal.GROUP_NOT_FOUND;
      default -> Refusal.REFUSED;
    };
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> "; the server refused the bearer token: check bearer-token";
      case 403 -> "; the token's provisioning role may not change this group's members";
      default -> "";
    };
  }

  /** A path segment or query value, percent-encoded. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
