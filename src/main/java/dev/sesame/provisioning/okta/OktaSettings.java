package dev.sesame.provisioning.okta;

import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.provisioning.http.HttpSettings;
import dev.sesame.provisioning.http.Jwt;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Okta system's settings: the org URL ({@code https://acme.okta.com}), how Sesame signs in —
 * either an API token (SSWS) or an OAuth 2.0 service app (client id and an RSA private key in PKCS#8
 * PEM, whose public key is registered on the app; tokens by private-key JWT) — and how long to wait
 * for an answer. The token and the key are secrets.
 *
 * @param apiToken the SSWS token; empty when a service app is used
 * @param privateKey the service app's key; null when an API token is used
 */
record OktaSettings(URI orgUrl, String apiToken, String clientId, @Nullable PrivateKey privateKey, String keyId,
    Duration timeout) {

  static final String ORG_URL = "org-url";
  static final String API_TOKEN = "api-token";
  static final String CLIENT_ID = "client-id";
  static final String PRIVATE_KEY = "private-key";
  static final String KEY_ID = "kid";
  static final String TIMEOUT = "timeout";
  static final String DEFAULT_TIMEOUT = "10s";

  /** Every problem with these settings, each naming its key. */
  static List<FieldError> validate(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    read(settings, errors);
    return errors;
  }

  /** The settings, or an {@link InvalidInputException} listing every problem. */
  static OktaSettings from(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    OktaSettings read = read(settings, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return read;
  }

  /** True when Sesame signs in as an OAuth 2.0 service app rather than with an API token. */
  boolean serviceApp() {
    return privateKey != null;
  }

  @Override
  public String toString() {
    return "OktaSettings[orgUrl=" + orgUrl + ", clientId=" + clientId + ", timeout=" + timeout + "]";
  }

  private static OktaSettings read(Map<String, String> settings, List<FieldError> errors) {
    URI url = HttpSettings.url(settings.getOrDefault(ORG_URL, ""), ORG_URL, "https://acme.okta.com", errors);
    String token = settings.getOrDefault(API_TOKEN, "").trim();
    String clientId = settings.getOrDefault(CLIENT_ID, "").trim();
    String pem = settings.getOrDefault(PRIVATE_KEY, "").trim();
    PrivateKey key = null;
    if (!token.isEmpty() && (!clientId.isEmpty() || !pem.isEmpty())) {
      errors.add(new FieldError(API_TOKEN, "set either api-token, or client-id with private-key, not both"));
    } else if (token.isEmpty() && clientId.isEmpty() && pem.isEmpty()) {
      errors.add(new FieldError(API_TOKEN, "is required (Security > API > Tokens), unless client-id and private-key "
          + "of an API service app are set"));
    } else if (token.isEmpty()) {
      if (clientId.isEmpty()) {
        errors.add(new FieldError(CLIENT_ID, "is required with private-key: the service app's client ID"));
      }
      key = privateKey(pem).orElse(null);
      if (key == null) {
        errors.add(new FieldError(PRIVATE_KEY, pem.isEmpty() ? "is required with client-id"
            : "is not an RSA private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)"));
      }
    }
    Duration timeout = HttpSettings.duration(settings.getOrDefault(TIMEOUT, DEFAULT_TIMEOUT), TIMEOUT, errors);
    return new OktaSettings(url, token, clientId, key, settings.getOrDefault(KEY_ID, "").trim(), timeout);
  }

  private static Optional<PrivateKey> privateKey(String pem) {
    return Jwt.rsaPrivateKey(pem);
  }
}
