package dev.sesame.provisioning.google;

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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Google Workspace system's settings: a service account's JSON key (with domain-wide delegation
 * granted in the Admin console), the admin it acts as, where tokens and the Directory API are
 * served (defaults: Google's), and how long to wait.
 *
 * @param clientEmail the service account's {@code client_email}, the JWT's issuer
 * @param keyId the key's {@code private_key_id}, sent as the JWT's {@code kid}
 */
record GoogleSettings(String clientEmail, String keyId, PrivateKey privateKey, String adminEmail, URI tokenUrl,
    URI apiUrl, Duration timeout) {

  static final String SERVICE_ACCOUNT_KEY = "service-account-key";
  static final String ADMIN_EMAIL = "admin-email";
  static final String AUTH_URL = "auth-url";
  static final String API_URL = "api-url";
  static final String TIMEOUT = "timeout";
  static final String DEFAULT_AUTH_URL = "https://oauth2.googleapis.com/token";
  static final String DEFAULT_API_URL = "https://admin.googleapis.com";
  static final String DEFAULT_TIMEOUT = "10s";

  private static final JsonMapper JSON = JsonMapper.shared();

  /** Every problem with these settings, each naming its key. */
  static List<FieldError> validate(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    read(settings, errors);
    return errors;
  }

  /** The settings, or an {@link InvalidInputException} listing every problem. */
  static GoogleSettings from(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    Optional<GoogleSettings> read = read(settings, errors);
    if (!errors.isEmpty() || read.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return read.get();
  }

  @Override
  public String toString() {
    return "GoogleSettings[clientEmail=" + clientEmail + ", keyId=" + keyId + ", adminEmail=" + adminEmail
        + ", tokenUrl=" + tokenUrl + ", apiUrl=" + apiUrl + ", timeout=" + timeout + "]";
  }

  private static Optional<GoogleSettings> read(Map<String, String> settings, List<FieldError> errors) {
    URI tokenUrl = HttpSettings.url(settings.getOrDefault(AUTH_URL, DEFAULT_AUTH_URL), AUTH_URL, DEFAULT_AUTH_URL,
        errors);
    URI apiUrl = HttpSettings.url(settings.getOrDefault(API_URL, DEFAULT_API_URL), API_URL, DEFAULT_API_URL, errors);
    String admin = settings.getOrDefault(ADMIN_EMAIL, "").trim();
    if (admin.isEmpty()) {
      errors.add(new FieldError(ADMIN_EMAIL, "is required: a super admin (or an admin who manages the groups) "
          + "the service account acts as"));
    } else if (!admin.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      errors.add(new FieldError(ADMIN_EMAIL, "'" + admin + "' is not an e-mail address"));
    }
    Duration timeout = HttpSettings.duration(settings.getOrDefault(TIMEOUT, DEFAULT_TIMEOUT), TIMEOUT, errors);
    String keyJson = settings.getOrDefault(SERVICE_ACCOUNT_KEY, "").trim();
    if (keyJson.isEmpty()) {
      errors.add(new FieldError(SERVICE_ACCOUNT_KEY, "is required: the service account's JSON key file, pasted whole"));
      return Optional.empty();
    }
    JsonNode key;
    try {
      key = JSON.readTree(keyJson);
    } catch (JacksonException e) {
      // NB. the message never quotes the key: it is a secret.
      errors.add(new FieldError(SERVICE_ACCOUNT_KEY, "is not JSON: paste the whole JSON key file of the service account"));
      return Optional.empty();
    }
    String email = key.path("client_email").asString("");
    Optional<PrivateKey> privateKey = Jwt.rsaPrivateKey(key.path("private_key").asString(""));
    if (!key.path("type").asString("").equals("service_account") || email.isEmpty() || privateKey.isEmpty()) {
      errors.add(new FieldError(SERVICE_ACCOUNT_KEY, "is not a service account key: it needs type service_account, "
          + "client_email and an RSA private_key (create a JSON key for the service account)"));
      return Optional.empty();
    }
    return Optional.of(new GoogleSettings(email, key.path("private_key_id").asString(""), privateKey.get(), admin,
        tokenUrl, apiUrl, timeout));
  }
}
