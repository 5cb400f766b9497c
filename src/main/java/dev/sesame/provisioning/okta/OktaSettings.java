package dev.sesame.provisioning.okta;

import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.provisioning.http.HttpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Okta system's settings: the org URL ({@code https://acme.okta.com}), an API token (SSWS, a
 * secret) and how long to wait for an answer.
 */
record OktaSettings(URI orgUrl, String apiToken, Duration timeout) {

  static final String ORG_URL = "org-url";
  static final String API_TOKEN = "api-token";
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

  @Override
  public String toString() {
    return "OktaSettings[orgUrl=" + orgUrl + ", timeout=" + timeout + "]";
  }

  private static OktaSettings read(Map<String, String> settings, List<FieldError> errors) {
    URI url = HttpSettings.url(settings.getOrDefault(ORG_URL, ""), ORG_URL, "https://acme.okta.com", errors);
    String token = settings.getOrDefault(API_TOKEN, "").trim();
    if (token.isEmpty()) {
      errors.add(new FieldError(API_TOKEN, "is required: create one in Okta under Security > API > Tokens"));
    }
    Duration timeout = HttpSettings.duration(settings.getOrDefault(TIMEOUT, DEFAULT_TIMEOUT), TIMEOUT, errors);
    return new OktaSettings(url, token, timeout);
  }
}
