package dev.sesame.provisioning.keycloak;

import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.provisioning.http.HttpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Keycloak realm's settings: the server's base URL (with {@code /auth} for servers before 17),
 * the realm, a confidential client with a service account (client credentials) and how long to
 * wait.
 */
record KeycloakSettings(URI baseUrl, String realm, String clientId, String clientSecret, Duration timeout) {

  static final String BASE_URL = "base-url";
  static final String REALM = "realm";
  static final String CLIENT_ID = "client-id";
  static final String CLIENT_SECRET = "client-secret";
  static final String TIMEOUT = "timeout";
  static final String DEFAULT_TIMEOUT = "10s";
  static final String EXAMPLE_URL = "https://sso.example.com";

  static List<FieldError> validate(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    read(settings, errors);
    return errors;
  }

  static KeycloakSettings from(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    KeycloakSettings read = read(settings, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return read;
  }

  /** {@code {base}/realms/{realm}/protocol/openid-connect/token}. */
  URI tokenUri() {
    return URI.create(baseUrl + "/realms/" + KeycloakApi.encode(realm) + "/protocol/openid-connect/token");
  }

  @Override
  public String toString() {
    return "KeycloakSettings[baseUrl=" + baseUrl + ", realm=" + realm + ", clientId=" + clientId + ", timeout="
        + timeout + "]";
  }

  private static KeycloakSettings read(Map<String, String> settings, List<FieldError> errors) {
    URI base = HttpSettings.url(settings.getOrDefault(BASE_URL, ""), BASE_URL, EXAMPLE_URL, errors);
    String realm = settings.getOrDefault(REALM, "").trim();
    if (realm.isEmpty()) {
      errors.add(new FieldError(REALM, "is required: the realm whose groups Sesame manages"));
    } else if (realm.contains("/")) {
      errors.add(new FieldError(REALM, "'" + realm + "' is not a realm name (no slashes)"));
    }
    String clientId = settings.getOrDefault(CLIENT_ID, "").trim();
    if (clientId.isEmpty()) {
      errors.add(new FieldError(CLIENT_ID, "is required: a confidential client of the realm with a service account"));
    }
    String secret = settings.getOrDefault(CLIENT_SECRET, "").trim();
    if (secret.isEmpty()) {
      errors.add(new FieldError(CLIENT_SECRET, "is required: the client's secret (Credentials tab)"));
    }
    Duration timeout = HttpSettings.duration(settings.getOrDefault(TIMEOUT, DEFAULT_TIMEOUT), TIMEOUT, errors);
    return new KeycloakSettings(base, realm, clientId, secret, timeout);
  }
}
