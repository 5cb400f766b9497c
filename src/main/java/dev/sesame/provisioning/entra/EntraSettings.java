package dev.sesame.provisioning.entra;

import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.provisioning.http.HttpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An Entra ID system's settings: the tenant, an app registration's client id and secret (client
 * credentials, application permission {@code GroupMember.ReadWrite.All} and {@code User.Read.All}),
 * where the token and Graph are served (defaults: the global cloud) and how long to wait.
 */
record EntraSettings(URI authority, String tenantId, String clientId, String clientSecret, URI graphUrl,
    Duration timeout) {

  static final String AUTHORITY = "authority";
  static final String TENANT_ID = "tenant-id";
  static final String CLIENT_ID = "client-id";
  static final String CLIENT_SECRET = "client-secret";
  static final String GRAPH_URL = "graph-url";
  static final String TIMEOUT = "timeout";
  static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
  static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com";
  static final String DEFAULT_TIMEOUT = "10s";

  /** Tenant ids are GUIDs or verified domain names. */
  private static final Pattern TENANT = Pattern.compile("[0-9a-fA-F-]{36}|[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  /** Every problem with these settings, each naming its key. */
  static List<FieldError> validate(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    read(settings, errors);
    return errors;
  }

  /** The settings, or an {@link InvalidInputException} listing every problem. */
  static EntraSettings from(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    EntraSettings read = read(settings, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return read;
  }

  /** The token endpoint: {@code {authority}/{tenant}/oauth2/v2.0/token}. */
  URI tokenUri() {
    return URI.create(authority + "/" + tenantId + "/oauth2/v2.0/token");
  }

  @Override
  public String toString() {
    return "EntraSettings[authority=" + authority + ", tenantId=" + tenantId + ", clientId=" + clientId
        + ", graphUrl=" + graphUrl + ", timeout=" + timeout + "]";
  }

  private static EntraSettings read(Map<String, String> settings, List<FieldError> errors) {
    URI authority = HttpSettings.url(settings.getOrDefault(AUTHORITY, DEFAULT_AUTHORITY), AUTHORITY,
        DEFAULT_AUTHORITY, errors);
    URI graph = HttpSettings.url(settings.getOrDefault(GRAPH_URL, DEFAULT_GRAPH_URL), GRAPH_URL, DEFAULT_GRAPH_URL,
        errors);
    String tenant = settings.getOrDefault(TENANT_ID, "").trim();
    if (tenant.isEmpty()) {
      errors.add(new FieldError(TENANT_ID, "is required: the Directory (tenant) ID shown on the app registration"));
    } else if (!TENANT.matcher(tenant).matches()) {
      errors.add(new FieldError(TENANT_ID, "'" + tenant + "' is neither a tenant GUID nor a domain"));
    }
    String clientId = settings.getOrDefault(CLIENT_ID, "").trim();
    if (clientId.isEmpty()) {
      errors.add(new FieldError(CLIENT_ID, "is required: the Application (client) ID of the app registration"));
    }
    String secret = settings.getOrDefault(CLIENT_SECRET, "").trim();
    if (secret.isEmpty()) {
      errors.add(new FieldError(CLIENT_SECRET, "is required: a client secret of the app registration"));
    }
    Duration timeout = HttpSettings.duration(settings.getOrDefault(TIMEOUT, DEFAULT_TIMEOUT), TIMEOUT, errors);
    return new EntraSettings(authority, tenant, clientId, secret, graph, timeout);
  }
}
