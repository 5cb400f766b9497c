package dev.sesame.directory.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import dev.sesame.common.UnavailableException;
import dev.sesame.directory.DirectoryConnection;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * An LDAP server and the account to bind to it with; makes connection pools and single connections
 * with sane time-outs, TLS with host name checks, and the JVM's trusted certificates.
 *
 * @param url {@code ldap://host[:port]} or {@code ldaps://host[:port]}
 * @param bindDn the account's DN; empty binds anonymously
 * @param bindPassword the account's password (never printed)
 * @param startTls true to upgrade an {@code ldap://} connection with StartTLS
 */
public record LdapEndpoint(String url, String bindDn, String bindPassword, boolean startTls) {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(60);
  private static final Duration MAX_CONNECTION_AGE = Duration.ofMinutes(30);

  /** Result codes that mean "the server cannot be reached or is overloaded right now". */
  private static final Set<ResultCode> UNAVAILABLE = Set.of(
      ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR, ResultCode.TIMEOUT, ResultCode.BUSY,
      ResultCode.UNAVAILABLE);

  public LdapEndpoint {
    urlProblem(url).ifPresent(problem -> {
      throw new IllegalArgumentException("'" + url + "' " + problem);
    });
    if (startTls && url.toLowerCase(Locale.ROOT).startsWith("ldaps:")) {
      throw new IllegalArgumentException("'" + url + "' already uses TLS: use ldaps:// or StartTLS, not both");
    }
  }

  /** The endpoint of the company directory, without StartTLS. */
  public static LdapEndpoint of(DirectoryConnection connection) {
    return new LdapEndpoint(connection.url(), connection.bindDn(), connection.bindPassword(), false);
  }

  /** What is wrong with this LDAP URL, empty when it is usable. */
  public static Optional<String> urlProblem(String url) {
    String lower = url.trim().toLowerCase(Locale.ROOT);
    if (!lower.startsWith("ldap://") && !lower.startsWith("ldaps://")) {
      return Optional.of("must start with ldap:// or ldaps://");
    }
    try {
      LDAPURL parsed = new LDAPURL(url.trim());
      if (!parsed.hostProvided()) {
        return Optional.of("must name a host, e.g. ldap://ldap.example.com:389");
      }
      return Optional.empty();
    } catch (LDAPException e) {
      return Optional.of("is not an LDAP URL: " + e.getMessage());
    }
  }

  /** True when an operation failed because the server is unreachable, busy or timing out. */
  public static boolean isUnavailable(ResultCode code) {
    return UNAVAILABLE.contains(code);
  }

  /** The server as {@code host:port}, for messages. */
  public String server() {
    LDAPURL parsed = parsedUrl();
    return parsed.getHost() + ":" + parsed.getPort();
  }

  /**
   * A pool of up to {@code maxConnections} bound connections. It does not fail when the server is
   * down: connections are made when needed, checked in the background, and replaced when broken.
   */
  public LDAPConnectionPool openPool(int maxConnections) {
    @Nullable BindRequest bind = bindDn.isBlank() ? null : new SimpleBindRequest(bindDn, bindPassword);
    try {
      LDAPConnectionPool pool = new LDAPConnectionPool(
          serverSet(), bind, 1, maxConnections, postConnect(), false);
      pool.setConnectionPoolName("sesame " + server());
      pool.setHealthCheck(new GetEntryLDAPConnectionPoolHealthCheck(
          "", RESPONSE_TIMEOUT.toMillis(), false, false, false, true, true));
      pool.setHealthCheckIntervalMillis(HEALTH_CHECK_INTERVAL.toMillis());
      pool.setMaxConnectionAgeMillis(MAX_CONNECTION_AGE.toMillis());
      pool.setRetryFailedOperationsDueToInvalidConnections(true);
      return pool;
    } catch (LDAPException e) {
      throw new IllegalStateException("Could not set up connections to " + server() + ": " + e.getMessage(), e);
    }
  }

  /** A new connection that is not bound yet (TLS already started); the caller closes it. */
  public LDAPConnection connect() throws LDAPException {
    LDAPConnection connection = serverSet().getConnection();
    try {
      PostConnectProcessor tls = postConnect();
      if (tls != null) {
        tls.processPreAuthenticatedConnection(connection);
      }
      return connection;
    } catch (LDAPException e) {
      connection.close();
      throw e;
    }
  }

  /** The exception callers get when the server cannot be reached; the message names the server. */
  public UnavailableException unavailable(LDAPException cause) {
    return new UnavailableException("The directory at " + server() + " is unavailable ("
        + cause.getResultCode() + "): " + cause.getMessage(), cause);
  }

  @Override
  public String toString() {
    return "LdapEndpoint[url=" + url + ", bindDn=" + bindDn + ", startTls=" + startTls + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private LDAPURL parsedUrl() {
    try {
      return new LDAPURL(url.trim());
    } catch (LDAPException e) {
      throw new IllegalStateException("checked in the constructor", e);
    }
  }

  private SingleServerSet serverSet() {
    LDAPURL parsed = parsedUrl();
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis((int) CONNECT_TIMEOUT.toMillis());
    options.setResponseTimeoutMillis(RESPONSE_TIMEOUT.toMillis());
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    boolean ldaps = "ldaps".equalsIgnoreCase(parsed.getScheme());
    return ldaps
        ? new SingleServerSet(parsed.getHost(), parsed.getPort(), tlsSocketFactory(), options)
        : new SingleServerSet(parsed.getHost(), parsed.getPort(), options);
  }

  private @Nullable PostConnectProcessor postConnect() {
    return startTls ? new StartTLSPostConnectProcessor(tlsSocketFactory()) : null;
  }

  private static SSLSocketFactory tlsSocketFactory() {
    try {
      // The JVM's default trust store decides which certificates are trusted.
      return new SSLUtil().createSSLSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not set up TLS for LDAP: " + e.getMessage(), e);
    }
  }
}
