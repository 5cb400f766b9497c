package dev.sesame.provisioning.entra;

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
import dev.sesame.provisioning.http.TokenCache;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Calls to Microsoft Graph for one tenant: a client-credentials token fetched once and kept until
 * shortly before it expires, {@code @odata.nextLink} followed to the end of every list, and Graph's
 * answers translated once: 429 and 503 wait for {@code Retry-After}; other 5xx and no answer are
 * "unavailable"; 401 and 403 are refusals an admin must fix. Thread-safe.
 */
final class GraphApi {

  /** The wait when Graph throttles or fails without a {@code Retry-After}. */
  static final Duration BACKOFF = Duration.ofSeconds(30);

  /** A token is renewed this long before Entra says it expires. */
  private static final Duration TOKEN_MARGIN = Duration.ofMinutes(2);
  private static final int MAX_PAGES = 10_000;

  private final ProvisioningSystemId system;
  private final EntraSettings settings;
  private final Clock clock;
  private final JsonHttp http;
  private final TokenCache tokens;

  GraphApi(ProvisioningSystemId system, EntraSettings settings, Clock clock) {
    this.system = system;
    this.settings = settings;
    this.clock = clock;
    this.http = new JsonHttp(settings.timeout());
    this.tokens = new TokenCache(system, http, clock, TOKEN_MARGIN, 300, r -> String.valueOf(GraphError.of(r)));
  }

  /** Graph's URL with this path and query (already encoded). */
  URI uri(String pathAndQuery) {
    return URI.create(settings.graphUrl() + pathAndQuery);
  }

  /** Where Graph is, for messages. */
  URI graphUrl() {
    return settings.graphUrl();
  }

  /** One Graph call with the token (renewed once if Graph says it expired); the answer as it came. */
  Response call(String method, URI uri, @Nullable String json) throws CallFailed {
    Response response = http.send(method, uri, Map.of("Authorization", "Bearer " + token(false)), json);
    if (response.status() == 401) {
      response = http.send(method, uri, Map.of("Authorization", "Bearer " + token(true)), json);
    }
    return response;
  }

  /**
   * Every item of a list, following {@code @odata.nextLink} to the end. NB. a failed page fails the
   * whole read: a partial list would let a caller conclude "not a member" falsely.
   */
  List<JsonNode> readAll(URI first, String action) throws CallFailed {
    List<JsonNode> items = new ArrayList<>();
    Optional<URI> next = Optional.of(first);
    for (int page = 0; next.isPresent(); page++) {
      if (page == MAX_PAGES) {
        throw new UnavailableException(system.value() + " kept answering with more pages; could not " + action, null);
      }
      Response response = call("GET", sameGraph(next.get()), null);
      requireOk(response, action);
      JsonNode body = response.json();
      body.path("value").forEach(items::add);
      next = body.path("@odata.nextLink").asStringOpt().map(URI::create);
    }
    return items;
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

  /** The result of a write Graph did not accept. */
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

  /** What went wrong, naming the system, the action and Graph's error. */
  String describe(Response response, String action) {
    return system.value() + " could not " + action + " (" + response.status() + " " + GraphError.of(response) + ")";
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private Duration retryDelay(Response response) {
    return RetryTimes.retryAfter(response, clock, BACKOFF);
  }

  /** The cached token, or a new one when it is (nearly) expired or {@code renew} is set. */
  private String token(boolean renew) throws CallFailed {
    return tokens.get(renew, () -> new TokenCache.TokenRequest(settings.tokenUri(),
        "client_id=" + encode(settings.clientId())
            + "&client_secret=" + encode(settings.clientSecret())
            + "&scope=" + encode(settings.graphUrl() + "/.default")
            + "&grant_type=client_credentials",
        system.value() + " could not get a token from " + settings.tokenUri().getHost(),
        "; check tenant-id, client-id and client-secret"));
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
      case 401 -> "; Graph refused the token: check tenant-id, client-id and client-secret";
      case 403 -> "; grant the app registration the application permissions GroupMember.ReadWrite.All and "
          + "User.Read.All, with admin consent (role-assignable groups also need RoleManagement.ReadWrite.Directory)";
      default -> "";
    };
  }

  /** NB. a next link that leaves Graph is refused: the token must never go elsewhere. */
  private URI sameGraph(URI uri) {
    URI graph = settings.graphUrl();
    boolean same = graph.getScheme().equalsIgnoreCase(uri.getScheme()) && graph.getHost().equalsIgnoreCase(uri.getHost())
        && graph.getPort() == uri.getPort();
    if (!same) {
      throw new ConnectorRefusedException(Refusal.INVALID_CONFIGURATION, system.value() + " sent a next-page link to "
          + uri.getScheme() + "://" + uri.getHost() + ", outside graph-url " + graph + "; not followed");
    }
    return uri;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
