package dev.sesame.provisioning.google;

import dev.sesame.common.UnavailableException;
import dev.sesame.provisioning.ConnectorRefusedException;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.ThrottledException;
import dev.sesame.provisioning.WriteResult;
import dev.sesame.provisioning.WriteResult.RetryLater.Why;
import dev.sesame.provisioning.http.CallFailed;
import dev.sesame.provisioning.http.JsonHttp;
import dev.sesame.provisioning.http.Jwt;
import dev.sesame.provisioning.http.Response;
import dev.sesame.provisioning.http.RetryTimes;
import dev.sesame.provisioning.http.TokenCache;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls to the Admin SDK Directory API as the configured admin: an access token from the JWT
 * bearer grant (RFC 7523; the service account signs, {@code sub} is the admin — domain-wide
 * delegation), kept until shortly before it expires and renewed once on 401; answers translated
 * once: 429, 503 and 403 with a rate-limit reason wait for {@code Retry-After} or a backoff; other
 * 5xx and no answer are "unavailable"; 401 and 403 are refusals an admin must fix. Thread-safe.
 */
final class GoogleApi {

  /** What the connector may do: change members, read groups (hasMember, get) and find users. */
  static final String SCOPES = "https://www.googleapis.com/auth/admin.directory.group.member "
      + "https://www.googleapis.com/auth/admin.directory.group.readonly "
      + "https://www.googleapis.com/auth/admin.directory.user.readonly";

  /** The wait when Google throttles or fails without a {@code Retry-After}. */
  static final Duration BACKOFF = Duration.ofSeconds(30);

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(60);
  private static final Duration TOKEN_MARGIN = Duration.ofMinutes(2);

  private final ProvisioningSystemId system;
  private final GoogleSettings settings;
  private final Clock clock;
  private final JsonHttp http;
  private final TokenCache tokens;

  GoogleApi(ProvisioningSystemId system, GoogleSettings settings, Clock clock) {
    this.system = system;
    this.settings = settings;
    this.clock = clock;
    this.http = new JsonHttp(settings.timeout());
    this.tokens = new TokenCache(system, http, clock, TOKEN_MARGIN, 300, r -> String.valueOf(GoogleError.of(r)));
  }

  /** The Directory API URL of this path (segments already encoded) under {@code /admin/directory/v1}. */
  URI uri(String path) {
    return URI.create(settings.apiUrl() + "/admin/directory/v1" + path);
  }

  URI apiUrl() {
    return settings.apiUrl();
  }

  /** One call with the token (renewed once if Google says it expired); the answer as it came. */
  Response call(String method, URI uri, @Nullable String json) throws CallFailed {
    Response response = http.send(method, uri, Map.of("Authorization", "Bearer " + token(false)), json);
    if (response.status() == 401) {
      response = http.send(method, uri, Map.of("Authorization", "Bearer " + token(true)), json);
    }
    return response;
  }

  /** Throws the typed exception for an answer that is not 2xx. */
  void requireOk(Response response, String action) {
    if (response.ok()) {
      return;
    }
    String what = describe(response, action);
    if (throttled(response)) {
      throw new ThrottledException(what, retryDelay(response), null);
    }
    if (response.status() >= 500) {
      throw new UnavailableException(what, null);
    }
    throw new ConnectorRefusedException(refusal(response.status()), what + hint(response.status()));
  }

  /** The result of a write Google did not accept. */
  WriteResult refusal(Response response, String action) {
    String what = describe(response, action);
    if (throttled(response)) {
      return new WriteResult.RetryLater(retryDelay(response), response.status() == 503 ? Why.UNAVAILABLE
          : Why.THROTTLED, what);
    }
    if (response.status() >= 500) {
      return new WriteResult.RetryLater(BACKOFF, what);
    }
    return new WriteResult.Rejected(refusal(response.status()), what + hint(response.status()));
  }

  /** What went wrong, naming the system, the action and Google's error. */
  String describe(Response response, String action) {
    return system.value() + " could not " + action + " (" + response.status() + " " + GoogleError.of(response) + ")";
  }

  /** 429, 503, or a 403 whose reason is a rate limit (Google uses both). */
  private static boolean throttled(Response response) {
    return response.status() == 429 || response.status() == 503
        || response.status() == 403 && GoogleError.of(response).rateLimited();
  }

  private Duration retryDelay(Response response) {
    return RetryTimes.retryAfter(response, clock, BACKOFF);
  }

  /** The cached token, or a new one when it is (nearly) expired or {@code renew} is set. */
  private String token(boolean renew) throws CallFailed {
    return tokens.get(renew, () -> new TokenCache.TokenRequest(settings.tokenUrl(),
        "grant_type=" + encode("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion=" + encode(assertion()),
        system.value() + " could not get a token for " + settings.clientEmail() + " acting as " + settings.adminEmail(),
        "; check service-account-key and admin-email, and that the service account's client ID has domain-wide"
            + " delegation for " + SCOPES));
  }

  /** The signed assertion: iss = the service account, sub = the admin, aud = the token URL. */
  private String assertion() {
    Instant now = clock.instant();
    ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    if (!settings.keyId().isEmpty()) {
      header.put("kid", settings.keyId());
    }
    ObjectNode claims = JSON.createObjectNode()
        .put("iss", settings.clientEmail())
        .put("sub", settings.adminEmail())
        .put("scope", SCOPES)
        .put("aud", settings.tokenUrl().toString())
        .put("iat", now.getEpochSecond())
        .put("exp", now.plus(ASSERTION_LIFETIME).getEpochSecond());
    try {
      return Jwt.signRs256(header, claims, settings.privateKey());
    } catch (GeneralSecurityException e) {
      throw new ConnectorRefusedException(Refusal.INVALID_CONFIGURATION, system.value()
          + " cannot sign with service-account-key: " + e.getMessage());
    }
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
      case 401 -> "; Google refused the token: check service-account-key and admin-email";
      case 403 -> "; admin-email must be an admin who manages this group, and the service account needs "
          + "domain-wide delegation for " + SCOPES;
      default -> "";
    };
  }

  /** A path segment or form value, percent-encoded. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
