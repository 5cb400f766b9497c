package dev.sesame.provisioning.okta;

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
import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Calls to one Okta org: the SSWS token on every call, {@code Link: rel="next"} followed to the
 * end of every list, and Okta's answers translated once: 429 waits until {@code X-Rate-Limit-Reset}
 * measured against the answer's {@code Date}; 5xx and no answer are "unavailable"; 401 and 403 are
 * refusals an admin must fix.
 */
final class OktaApi {

  /** The page size asked for; Okta's maximum for users and groups lists is 200. */
  static final int PAGE = 200;

  /** The wait when Okta throttles without a usable reset header, or fails. */
  static final Duration BACKOFF = Duration.ofSeconds(60);

  /** A safety stop for a server whose {@code next} links never end. */
  private static final int MAX_PAGES = 10_000;

  private final ProvisioningSystemId system;
  private final OktaSettings settings;
  private final Clock clock;
  private final JsonHttp http;
  private final @Nullable OktaServiceApp serviceApp;

  OktaApi(ProvisioningSystemId system, OktaSettings settings, Clock clock) {
    this.system = system;
    this.settings = settings;
    this.clock = clock;
    this.http = new JsonHttp(settings.timeout());
    PrivateKey key = settings.privateKey();
    this.serviceApp = key == null ? null : new OktaServiceApp(system, settings, key, http, clock);
  }

  /** True when Sesame signs in as a service app (no admin user behind the token). */
  boolean serviceApp() {
    return serviceApp != null;
  }

  URI orgUrl() {
    return settings.orgUrl();
  }

  /** The org's URL with this path and query (already encoded). */
  URI uri(String pathAndQuery) {
    return URI.create(settings.orgUrl() + pathAndQuery);
  }

  /**
   * One call with the API token or the service app's access token (renewed once if Okta says it
   * is no longer valid); the answer as it came.
   */
  Response call(String method, URI uri) throws CallFailed {
    if (serviceApp == null) {
      return http.send(method, uri, Map.of("Authorization", "SSWS " + settings.apiToken()), null);
    }
    Response response = http.send(method, uri, Map.of("Authorization", "Bearer " + serviceApp.token(false)), null);
    if (response.status() == 401) {
      response = http.send(method, uri, Map.of("Authorization", "Bearer " + serviceApp.token(true)), null);
    }
    return response;
  }

  /**
   * Every item of a list, following {@code Link: rel="next"} to the end. NB. a failed page fails
   * the whole read: a partial list would let a caller conclude "not a member" falsely.
   */
  List<JsonNode> readAll(URI first, String action) throws CallFailed {
    List<JsonNode> items = new ArrayList<>();
    Optional<URI> next = Optional.of(first);
    for (int page = 0; next.isPresent(); page++) {
      if (page == MAX_PAGES) {
        throw new UnavailableException(system.value() + " kept answering with more pages; could not " + action, null);
      }
      Response response = call("GET", sameOrg(next.get()));
      requireOk(response, action);
      response.json().forEach(items::add);
      next = response.nextLink();
    }
    return items;
  }

  /** Throws the typed exception for an answer that is not 2xx. */
  void requireOk(Response response, String action) {
    if (response.ok()) {
      return;
    }
    OktaError error = OktaError.of(response);
    String what = system.value() + " could not " + action + " (" + response.status() + " " + error + ")";
    if (response.status() == 429) {
      throw new ThrottledException(what, retryDelay(response), null);
    }
    if (response.status() >= 500) {
      throw new UnavailableException(what, null);
    }
    throw new ConnectorRefusedException(refusal(response.status()), what + hint(response.status()));
  }

  /** The result of a write Okta did not accept. */
  WriteResult refusal(Response response, String action) {
    OktaError error = OktaError.of(response);
    String what = system.value() + " could not " + action + " (" + response.status() + " " + error + ")";
    if (response.status() == 429) {
      return new WriteResult.RetryLater(retryDelay(response), Why.THROTTLED, what);
    }
    if (response.status() >= 500) {
      return new WriteResult.RetryLater(BACKOFF, what);
    }
    return new WriteResult.Rejected(refusal(response.status()), what + hint(response.status()));
  }

  /** Until the latest {@code X-Rate-Limit-Reset}, measured against the answer's {@code Date}. */
  Duration retryDelay(Response response) {
    return RetryTimes.untilReset(response, "X-Rate-Limit-Reset", clock, BACKOFF);
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
      case 401 -> "; the API token or the service app's key is invalid or expired: check api-token, or client-id "
          + "and private-key";
      case 403 -> "; give the API token's admin (or the service app) the Group Membership Admin role, or a custom "
          + "role that manages this group's members";
      default -> "";
    };
  }

  /** NB. a {@code next} link that leaves the org is refused: the token must never go elsewhere. */
  private URI sameOrg(URI uri) {
    URI org = settings.orgUrl();
    boolean same = org.getScheme().equalsIgnoreCase(uri.getScheme()) && org.getHost().equalsIgnoreCase(uri.getHost())
        && org.getPort() == uri.getPort();
    if (!same) {
      throw new ConnectorRefusedException(Refusal.INVALID_CONFIGURATION, system.value() + " sent a next-page link to "
          + uri.getScheme() + "://" + uri.getHost() + ", outside org-url " + org + "; not followed");
    }
    return uri;
  }
}
