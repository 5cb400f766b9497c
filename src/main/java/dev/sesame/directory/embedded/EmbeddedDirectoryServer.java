package dev.sesame.directory.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import dev.sesame.directory.DirectoryConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * The demo directory: an in-memory LDAP server on 127.0.0.1 that starts from the persisted copy in
 * the data folder, or from the seed LDIF the first time, and saves itself after every write.
 *
 * <p>Access: every operation except bind needs an authenticated connection. Sesame binds as
 * {@code cn=sesame,<base DN>} with a random password made at each start (see {@link
 * #connection()}); people can bind as their own entry with their {@code userPassword}. The
 * in-memory server has no access control, so any bound account may write: it is a demo directory,
 * reachable from this machine only.
 *
 * <p>Thread-safe. Writes are saved synchronously, before the client sees the result, so an
 * acknowledged write survives a restart.
 */
public final class EmbeddedDirectoryServer implements AutoCloseable {

  /** The file, inside the data folder, the directory is saved to and loaded from. */
  public static final String FILE = "directory/directory.ldif";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDirectoryServer.class);
  private static final String LOOPBACK = "127.0.0.1";

  private final Path file;
  private final Object saving = new Object();
  private final DirectoryConnection connection;
  private volatile @Nullable InMemoryDirectoryServer server;

  // ---------------------------------------------------------------------------------------------
  // Constructors
  // ---------------------------------------------------------------------------------------------

  private EmbeddedDirectoryServer(String baseDn, int port, Resource seed, Path dataDir) {
    this.file = dataDir.resolve(FILE);
    String password = randomPassword();
    try {
      String bindDn = new DN(new RDN("cn", "sesame"), new DN(baseDn)).toString();
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName(LOOPBACK), port, null));
      config.addAdditionalBindCredentials(bindDn, password);
      config.setAuthenticationRequiredOperationTypes(
          EnumSet.complementOf(EnumSet.of(OperationType.BIND, OperationType.UNBIND, OperationType.ABANDON,
              OperationType.EXTENDED)));
      config.addInMemoryOperationInterceptor(new WriteGuard(new DN(bindDn)));
      config.addInMemoryOperationInterceptor(new SaveAfterWrite());
      InMemoryDirectoryServer created = new InMemoryDirectoryServer(config);
      load(created, seed);
      created.startListening();
      this.server = created;
      this.connection = new DirectoryConnection("ldap://" + LOOPBACK + ":" + created.getListenPort(), bindDn, password);
    } catch (LDAPException e) {
      throw new IllegalStateException("The embedded directory did not start on port " + port + ": "
          + e.getMessage() + ". Set sesame.directory.embedded.port to a free port (0 picks one), "
          + "or sesame.directory.url to use your company directory.", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log.info("Embedded directory listening on {} (base {}, saved to {})", connection.url(), baseDn, file);
  }

  /**
   * Starts the directory serving {@code baseDn} on {@code port} (0 picks a free one), from {@code
   * <dataDir>/directory/directory.ldif} when it exists, else from the seed.
   */
  public static EmbeddedDirectoryServer start(String baseDn, int port, Resource seed, Path dataDir) {
    return new EmbeddedDirectoryServer(baseDn, port, seed, dataDir);
  }

  // ---------------------------------------------------------------------------------------------
  // Public API
  // ---------------------------------------------------------------------------------------------

  /** How to reach this directory: its URL and the account Sesame binds with. */
  public DirectoryConnection connection() {
    return connection;
  }

  /** The port the directory listens on. */
  public int port() {
    return running().getListenPort();
  }

  /** Stops listening and closes every connection; waits for a save in progress. */
  @Override
  public void close() {
    InMemoryDirectoryServer stopping;
    synchronized (saving) {
      stopping = server;
      server = null;
    }
    if (stopping != null) {
      stopping.shutDown(true);
      log.info("Embedded directory stopped");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private void load(InMemoryDirectoryServer target, Resource seed) throws LDAPException, IOException {
    if (Files.exists(file)) {
      int count = target.importFromLDIF(true, file.toFile());
      log.info("Embedded directory loaded {} entries from {}", count, file);
      return;
    }
    if (!seed.exists()) {
      throw new IllegalStateException("sesame.directory.embedded.seed: " + seed.getDescription()
          + " does not exist. Point it at an LDIF file, or set sesame.directory.url.");
    }
    try (InputStream in = seed.getInputStream(); LDIFReader reader = new LDIFReader(in)) {
      int count = target.importFromLDIF(true, reader);
      log.info("Embedded directory loaded {} entries from the seed {}", count, seed.getDescription());
    }
  }

  /**
   * Writes the whole directory to a temporary file next to the saved copy, then moves it over the
   * saved copy in one step, so a crash leaves either the old or the new copy, never half of one.
   */
  private void save() {
    synchronized (saving) {
      InMemoryDirectoryServer current = server;
      if (current == null) {
        return;
      }
      Path temp = null;
      try {
        Files.createDirectories(file.getParent());
        temp = Files.createTempFile(file.getParent(), "directory-", ".ldif.tmp");
        current.exportToLDIF(temp.toString(), true, true);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException | LDAPException e) {
        // NB. the write is already visible in memory; it is lost at the next restart.
        log.error("Could not save the embedded directory to {}: the last change will not survive a restart",
            file, e);
      } finally {
        deleteQuietly(temp);
      }
    }
  }

  private InMemoryDirectoryServer running() {
    InMemoryDirectoryServer current = server;
    if (current == null) {
      throw new IllegalStateException("the embedded directory is stopped");
    }
    return current;
  }

  private static void deleteQuietly(@Nullable Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        log.debug("Could not delete {}", temp, e);
      }
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  // ---------------------------------------------------------------------------------------------
  // Nested types
  // ---------------------------------------------------------------------------------------------

  /** Saves the directory after each successful write that arrives over LDAP. */
  private final class SaveAfterWrite extends InMemoryOperationInterceptor {

    @Override
    public void processAddResult(InMemoryInterceptedAddResult add) {
      saveIfSuccessful(add.getResult());
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult modify) {
      saveIfSuccessful(modify.getResult());
    }

    @Override
    public void processDeleteResult(InMemoryInterceptedDeleteResult delete) {
      saveIfSuccessful(delete.getResult());
    }

    @Override
    public void processModifyDNResult(InMemoryInterceptedModifyDNResult modifyDn) {
      saveIfSuccessful(modifyDn.getResult());
    }

    @Override
    public void processExtendedResult(InMemoryInterceptedExtendedResult extended) {
      if (PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID.equals(extended.getRequest().getOID())) {
        saveIfSuccessful(extended.getResult());
      }
    }

    private void saveIfSuccessful(LDAPResult result) {
      if (result.getResultCode() == ResultCode.SUCCESS) {
        save();
      }
    }
  }
}
