package dev.sesame.provisioning.okta;

import dev.sesame.common.UnavailableException;
import dev.sesame.provisioning.ConnectorRefusedException;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.http.CallFailed;
import dev.sesame.provisioning.http.JsonHttp;
import dev.sesame.provisioning.http.Jwt;
import dev.sesame.provisioning.http.Response;
import dev.sesame.provisioning.http.TokenResponses;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Access tokens for an Okta API service app: client credentials with a private-key JWT ({@code
 * client_assertion}, RS256, five minutes) posted to {@code {org}/oauth2/v1/token} for the scopes
 * {@code okta.users.read okta.groups.manage}; a token is kept until shortly before it expires.
 * Thread-safe.
 */
final class OktaServiceApp {

  /** The scopes the connector needs: find users and their groups, change group members. */
  static final String SCOPES = "okta.users.read okta.groups.manage";

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
  private static final Duration TOKEN_MARGIN = Duration.ofMinutes(2);

  private final ProvisioningSystemId system;
  private final OktaSettings settings;
  private final PrivateKey key;
  private final JsonHttp http;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private @Nullable String token;
  private Instant expires = Instant.EPOCH;

  OktaServiceApp(ProvisioningSystemId system, OktaSettings settings, PrivateKey key, JsonHttp http, Clock clock) {
    this.system = system;
    this.settings = settings;
    this.key = key;
    this.http = http;
    this.clock = clock;
  }

  /** A valid access token: the cached one, or a new one when it is (nearly) expired or {@code renew} is set. */
  synchronized String token(boolean renew) throws CallFailed {
    if (!renew && token != null && clock.instant().isBefore(expires)) {
      return token;
    }
    URI endpoint = URI.create(settings.orgUrl() + "/oauth2/v1/token");
    String form = "grant_type=client_credentials"
        + "&scope=" + encode(SCOPES)
        + "&client_assertion_type=" + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        + "&client_assertion=" + encode(assertion(endpoint));
    Response response = http.send("POST", endpoint, Map.of("Content-Type", "application/x-www-form-urlencoded"),
        form);
    if (!response.ok()) {
      JsonNode body = response.json();
      String what = system.value() + " could not get a token for service app " + settings.clientId() + " ("
          + response.status() + " " + body.path("error").asString("") + ": "
          + body.path("error_description").asString("") + ")";
      if (response.status() == 429 || response.status() >= 500) {
        throw new UnavailableException(what, null);
      }
      throw new ConnectorRefusedException(Refusal.INVALID_CONFIGURATION, what + "; check client-id and private-key, "
          + "that the app's public key matches, and that it is granted " + SCOPES);
    }
    JsonNode body = response.json();
    token = TokenResponses.accessToken(body, system);
    expires = clock.instant().plusSeconds(body.path("expires_in").asLong(300)).minus(TOKEN_MARGIN);
    return token;
  }

  /** The signed client assertion: iss = sub = client id, aud = the token endpoint. */
  private String assertion(URI audience) {
    Instant now = clock.instant();
    ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    if (!settings.keyId().isEmpty()) {
      header.put("kid", settings.keyId());
    }
    byte[] jti = new byte[16];
    random.nextBytes(jti);
    ObjectNode claims = JSON.createObjectNode()
        .put("iss", settings.clientId())
        .put("sub", settings.clientId())
        .put("aud", audience.toString())
        .put("iat", now.getEpochSecond())
        .put("exp", now.plus(ASSERTION_LIFETIME).getEpochSecond())
        .put("jti", HexFormat.of().formatHex(jti));
    try {
      return Jwt.signRs256(header, claims, key);
    } catch (GeneralSecurityException e) {
      throw new ConnectorRefusedException(Refusal.INVALID_CONFIGURATION, system.value()
          + " cannot sign with private-key: " + e.getMessage());
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
