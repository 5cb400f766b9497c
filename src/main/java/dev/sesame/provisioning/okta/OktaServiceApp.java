package dev.sesame.provisioning.okta;

import dev.sesame.provisioning.ConnectorRefusedException;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.http.CallFailed;
import dev.sesame.provisioning.http.JsonHttp;
import dev.sesame.provisioning.http.Jwt;
import dev.sesame.provisioning.http.Response;
import dev.sesame.provisioning.http.TokenCache;
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
  private final TokenCache tokens;

  OktaServiceApp(ProvisioningSystemId system, OktaSettings settings, PrivateKey key, JsonHttp http, Clock clock) {
    this.system = system;
    this.settings = settings;
    this.key = key;
    this.http = http;
    this.clock = clock;
    this.tokens = new TokenCache(system, http, clock, TOKEN_MARGIN, 300, OktaServiceApp::errorText);
  }

  /** A valid access token: the cached one, or a new one when it is (nearly) expired or {@code renew} is set. */
  String token(boolean renew) throws CallFailed {
    return tokens.get(renew, () -> {
      URI endpoint = URI.create(settings.orgUrl() + "/oauth2/v1/token");
      return new TokenCache.TokenRequest(endpoint,
          "grant_type=client_credentials"
              + "&scope=" + encode(SCOPES)
              + "&client_assertion_type=" + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
              + "&client_assertion=" + encode(assertion(endpoint)),
          system.value() + " could not get a token for service app " + settings.clientId(),
          "; check client-id and private-key, that the app's public key matches, and that it is granted " + SCOPES);
    });
  }

  /** Okta's OAuth error answer in a few words: {@code error: error_description}. */
  private static String errorText(Response response) {
    JsonNode body = response.json();
    return body.path("error").asString("") + ": " + body.path("error_description").asString("");
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
