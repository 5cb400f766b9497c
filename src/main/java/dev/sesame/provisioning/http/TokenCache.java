package dev.sesame.provisioning.http;

import dev.sesame.common.UnavailableException;
import dev.sesame.provisioning.ConnectorRefusedException;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An OAuth 2.0 access token from a token endpoint (RFC 6749 §4.4 and RFC 7523 grants alike), kept
 * until shortly before it expires. A refusal of the endpoint is a configuration problem naming
 * what to check; 429 and 5xx mean the endpoint is unavailable for now.
 */
public final class TokenCache {

  /**
   * One token request: the endpoint and the form to post, what the request is in an error
   * ("okta1 could not get a token for service app …") and what to check when it is refused.
   */
  public record TokenRequest(URI endpoint, String form, String what, String hint) {}

  private final ProvisioningSystemId system;
  private final JsonHttp http;
  private final Clock clock;
  private final Duration margin;
  private final long defaultLifetimeSeconds;
  private final Function<Response, String> errorText;
  private @Nullable String token;
  private Instant expires = Instant.EPOCH;

  /**
   * @param margin how long before its expiry a token is renewed
   * @param defaultLifetimeSeconds the lifetime when the answer has no {@code expires_in}
   * @param errorText the vendor's error body in a few words
   */
  public TokenCache(ProvisioningSystemId system, JsonHttp http, Clock clock, Duration margin,
      long defaultLifetimeSeconds, Function<Response, String> errorText) {
    this.system = system;
    this.http = http;
    this.clock = clock;
    this.margin = margin;
    this.defaultLifetimeSeconds = defaultLifetimeSeconds;
    this.errorText = errorText;
  }

  /** The cached token, or a new one from {@code request} when it is (nearly) expired or {@code renew} is set. */
  public synchronized String get(boolean renew, TokenRequestSource request) throws CallFailed {
    if (!renew && token != null && clock.instant().isBefore(expires)) {
      return token;
    }
    TokenRequest r = request.next();
    Response response = http.send("POST", r.endpoint(),
        Map.of("Content-Type", "application/x-www-form-urlencoded"), r.form());
    if (!response.ok()) {
      String what = r.what() + " (" + response.status() + " " + errorText.apply(response) + ")";
      if (response.status() == 429 || response.status() >= 500) {
        throw new UnavailableException(what, null);
      }
      throw new ConnectorRefusedException(Refusal.INVALID_CONFIGURATION, what + r.hint());
    }
    JsonNode body = response.json();
    token = TokenResponses.accessToken(body, system);
    expires = clock.instant().plusSeconds(body.path("expires_in").asLong(defaultLifetimeSeconds)).minus(margin);
    return token;
  }

  /** Makes the next token request (a signed assertion is made anew each time). */
  @FunctionalInterface
  public interface TokenRequestSource {
    TokenRequest next();
  }
}
