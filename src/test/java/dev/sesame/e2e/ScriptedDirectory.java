package dev.sesame.e2e;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFReader;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A company directory run by the test, outside Sesame: an LDAP server loaded with the demo
 * company that counts the membership changes it receives and can be told to refuse the next ones.
 * Point Sesame at it with {@link #properties()}; several Sesame nodes can share it, and it outlives
 * a Sesame process that is killed.
 */
public final class ScriptedDirectory implements AutoCloseable {

  /** The account Sesame binds with. */
  public static final String BIND_DN = "cn=sesame,dc=brightwave,dc=example";

  private static final String BIND_PASSWORD = "scripted-directory";

  private final InMemoryDirectoryServer server;
  private final AtomicInteger refuseNext = new AtomicInteger();
  private volatile ResultCode refusal = ResultCode.BUSY;
  private final List<Change> changes = new ArrayList<>();
  private final AtomicInteger modifyRequests = new AtomicInteger();
  private volatile long delayMillis;
  private volatile java.util.concurrent.CountDownLatch held;

  /** One membership change the server accepted: {@code add} or {@code delete} of a member. */
  public record Change(String group, String kind, String member) {}

  private ScriptedDirectory() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=brightwave,dc=example");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0, null));
    config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
    config.setSchema(null);
    config.addInMemoryOperationInterceptor(new Script());
    server = new InMemoryDirectoryServer(config);
    try (InputStream seed = ScriptedDirectory.class.getResourceAsStream("/directory/brightwave.ldif")) {
      server.importFromLDIF(true, new LDIFReader(seed));
    }
    server.startListening();
  }

  /** Starts a directory with the demo company on a free port. */
  public static ScriptedDirectory start() {
    try {
      return new ScriptedDirectory();
    } catch (Exception e) {
      throw new IllegalStateException("the scripted directory did not start: " + e.getMessage(), e);
    }
  }

  /** The settings that make Sesame use this directory (and its provisioning system follow it). */
  public Map<String, String> properties() {
    return Map.of(
        "sesame.directory.url", "ldap://127.0.0.1:" + server.getListenPort(),
        "sesame.directory.bind-dn", BIND_DN,
        "sesame.directory.bind-password", BIND_PASSWORD);
  }

  /** Refuses the next {@code count} modify operations with {@code code} (e.g. BUSY, UNAVAILABLE). */
  public void refuseNextModifies(int count, ResultCode code) {
    refusal = code;
    refuseNext.set(count);
  }

  /** Answers every modify only after {@code delay}, as a slow server would (zero: at once). */
  public void delayModifies(java.time.Duration delay) {
    delayMillis = delay.toMillis();
  }

  /** Holds every modify until {@link #releaseModifies()} (at most a minute), as a stalled server would. */
  public void holdModifies() {
    held = new java.util.concurrent.CountDownLatch(1);
  }

  /** Lets the held modifies go on. */
  public void releaseModifies() {
    java.util.concurrent.CountDownLatch latch = held;
    held = null;
    if (latch != null) {
      latch.countDown();
    }
  }

  /** How many modify requests clients sent, accepted or not (e.g. "already a member" answers). */
  public int modifyRequests() {
    return modifyRequests.get();
  }

  /** Every membership change accepted so far, in order. */
  public synchronized List<Change> changes() {
    return List.copyOf(changes);
  }

  /** The accepted changes of this kind ({@code add} or {@code delete}) for this member DN. */
  public synchronized long count(String kind, String memberDn) {
    return changes.stream().filter(c -> c.kind().equals(kind) && c.member().equalsIgnoreCase(memberDn)).count();
  }

  /** The server itself, to read or change entries as an administrator would. */
  public InMemoryDirectoryServer server() {
    return server;
  }

  /** Locks a person's account the way 389 DS and FreeIPA do ({@code nsAccountLock: true}). */
  public void deactivate(String login) {
    modify("uid=" + login + ",ou=people,dc=brightwave,dc=example",
        new Modification(ModificationType.REPLACE, "nsAccountLock", "true"));
  }

  /** Makes {@code managerLogin} the person's manager. */
  public void changeManager(String login, String managerLogin) {
    modify("uid=" + login + ",ou=people,dc=brightwave,dc=example",
        new Modification(ModificationType.REPLACE, "manager", "uid=" + managerLogin + ",ou=people,dc=brightwave,dc=example"));
  }

  private void modify(String dn, Modification modification) {
    try {
      server.modify(dn, modification);
    } catch (LDAPException e) {
      throw new IllegalStateException("cannot change " + dn + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    server.shutDown(true);
  }

  /** Refuses scripted modifies and records the membership changes of the others. */
  private final class Script extends InMemoryOperationInterceptor {

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
      if (request.getConnectionID() >= 0) {
        modifyRequests.incrementAndGet();
        pause();
      }
      if (request.getConnectionID() >= 0 && refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new LDAPException(refusal, "refused by the test script");
      }
    }

    private void pause() {
      try {
        java.util.concurrent.CountDownLatch latch = held;
        if (latch != null) {
          latch.await(1, java.util.concurrent.TimeUnit.MINUTES);
        }
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
      if (result.getResult().getResultCode() != ResultCode.SUCCESS) {
        return;
      }
      InMemoryInterceptedModifyResult request = result;
      synchronized (ScriptedDirectory.this) {
        for (Modification m : request.getRequest().getModifications()) {
          if (!m.getAttributeName().equalsIgnoreCase("member") || m.getValues() == null) {
            continue;
          }
          String kind = switch (m.getModificationType().getName()) {
            case "ADD" -> "add";
            case "DELETE" -> "delete";
            default -> m.getModificationType().getName().toLowerCase(java.util.Locale.ROOT);
          };
          for (String value : m.getValues()) {
            changes.add(new Change(request.getRequest().getDN(), kind, value));
          }
        }
      }
    }
  }
}
