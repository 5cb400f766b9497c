package dev.sesame.provisioning.keycloak;

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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Calls to one realm's admin REST API: a client-credentials token from the realm's token endpoint,
 * kept until shortly before it expires and renewed once on 401; lists read with {@code first}/{@code
 * max} to the end; answers translated once: 429 and 503 (from a proxy: Keycloak itself does not
 * rate-limit) wait for {@code Retry-After}; other 5xx and no answer are "unavailable"; 401 and 403
 * are refusals an admin must fix. Thread-safe.
 */
final class KeycloakApi {

  static final Duration BACKOFF = Duration.ofSeconds(30);
  static final int PAGE = 100;

  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);
  private static final int MAX_PAGES = 10_000;

  private final ProvisioningSystemId system;
  private final KeycloakSettings settings;
  private final Clock clock;
  private final JsonHttp http;
  private final TokenCache tokens;

  KeycloakApi(ProvisioningSystemId system, KeycloakSettings settings, Clock clock) {
    this.system = system;
    this.settings = settings;
    this.clock = clock;
    this.http = new JsonHttp(settings.timeout());
    this.tokens = new TokenCache(system, http, clock, TOKEN_MARGIN, 60, r -> String.valueOf(KeycloakError.of(r)));
  }

  /** {@code {base}/admin/realms/{realm}} with this path (segments already encoded). */
  URI uri(String path) {
    return URI.create(settings.baseUrl() + "/admin/realms/" + encode(settings.realm()) + path);
  }

  String where() {
    return system.value() + " (" + settings.baseUrl() + ", realm " + settings.realm() + ")";
  }

  Response call(String method, URI uri, @Nullable String json) throws CallFailed {
    Response response = http.send(method, uri, Map.of("Authorization", "Bearer " + token(false)), json);
    if (response.status() == 401) {
      response = http.send(method, uri, Map.of("Authorization", "Bearer " + token(true)), json);
    }
    return response;
  }

  /**
   * Every item of a JSON-array list ({@code path} with its encoded query), page by page with {@code
   * first}/{@code max} until a page is short. NB. a failed page fails the whole read.
   */
  List<JsonNode> readAll(String path, String action) throws CallFailed {
    List<JsonNode> items = new ArrayList<>();
    String joiner = path.contains("?") ? "&" : "?";
    for (int page = 0; ; page++) {
      if (page == MAX_PAGES) {
        throw new UnavailableException(system.value() + " kept answering with more pages; could not " + action, null);
      }
      Response response = call("GET", uri(path + joiner + "first=" + page * PAGE + "&max=" + PAGE), null);
      requireOk(response, action);
      int before = items.size();
      response.json().forEach(items::add);
      if (items.size() - before < PAGE) {
        return items;
      }
    }
  }

  void requireOk(Response response, String action) {
    if (response.ok()) {
      return;
    }
    String what = describe(response, action);
    if (response.status() == 429 || response.status() == 503) {
      throw new ThrottledException(what, RetryTimes.retryAfter(response, clock, BACKOFF), null);
    }
    if (response.status() >= 500) {
      throw new UnavailableException(what, null);
    }
    throw new ConnectorRefusedException(refusal(response.status()), what + hint(response.status()));
  }

  WriteResult refusal(Response response, String action) {
    String what = describe(response, action);
    if (response.status() == 429) {
      return new WriteResult.RetryLater(RetryTimes.retryAfter(response, clock, BACKOFF), Why.THROTTLED, what);
    }
    if (response.status() == 503) {
      return new WriteResult.RetryLater(RetryTimes.retryAfter(response, clock, BACKOFF), Why.UNAVAILABLE, what);
    }
    if (response.status() >= 500) {
      return new WriteResult.RetryLater(BACKOFF, what);
    }
    return new WriteResult.Rejected(refusal(response.status()), what + hint(response.status()));
  }

  String describe(Response response, String action) {
    return system.value() + " could not " + action + " (" + response.status() + " " + KeycloakError.of(response) + ")";
  }

  /** The cached token, or a new one when it is (nearly) expired or {@code renew} is set. */
  private String token(boolean renew) throws CallFailed {
    return tokens.get(renew, () -> new TokenCache.TokenRequest(settings.tokenUri(),
        "grant_type=client_credentials&client_id=" + encode(settings.clientId())
            + "&client_secret=" + encode(settings.clientSecret()),
        system.value() + " could not get a token from realm " + settings.realm(),
        "; check base-url, realm, client-id and client-secret, and that the client has service accounts enabled"));
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
      case 401 -> "; Keycloak refused the token: check client-id and client-secret";
      case 403 -> "; give the client's service account the realm-management roles manage-users and view-users "
          + "(or query-groups and fine-grained manage-membership on the groups)";
      default -> "";
    };
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
