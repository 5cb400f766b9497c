package dev.sesame.provisioning.ldap;

import com.unboundid.ldap.listener.LDAPListener;
import com.unboundid.ldap.listener.LDAPListenerClientConnection;
import com.unboundid.ldap.listener.LDAPListenerConfig;
import com.unboundid.ldap.listener.LDAPListenerRequestHandler;
import com.unboundid.ldap.listener.ProxyRequestHandler;
import com.unboundid.ldap.protocol.AddRequestProtocolOp;
import com.unboundid.ldap.protocol.BindRequestProtocolOp;
import com.unboundid.ldap.protocol.CompareRequestProtocolOp;
import com.unboundid.ldap.protocol.DeleteRequestProtocolOp;
import com.unboundid.ldap.protocol.ExtendedRequestProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.ModifyDNRequestProtocolOp;
import com.unboundid.ldap.protocol.ModifyRequestProtocolOp;
import com.unboundid.ldap.protocol.ModifyResponseProtocolOp;
import com.unboundid.ldap.protocol.SearchRequestProtocolOp;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SingleServerSet;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LDAP proxy in front of any server (the embedded directory, a real slapd) that counts the
 * membership modifies and the searches that would read a whole member list, and can refuse the
 * next modifies with a chosen result code (BUSY for throttling, UNAVAILABLE for a server error).
 */
final class ScriptedLdapProxy implements AutoCloseable {

  private static final Set<String> MEMBERSHIP = Set.of("member", "uniquemember", "memberuid");

  private final LDAPListener listener;
  private final AtomicInteger writes = new AtomicInteger();
  private final AtomicInteger memberListReads = new AtomicInteger();
  private final AtomicInteger refuseNext = new AtomicInteger();
  private volatile ResultCode refusal = ResultCode.BUSY;

  private ScriptedLdapProxy(String backendUrl) throws LDAPException {
    LDAPURL url = new LDAPURL(backendUrl);
    ProxyRequestHandler proxy = new ProxyRequestHandler(new SingleServerSet(url.getHost(), url.getPort()));
    LDAPListenerConfig config = new LDAPListenerConfig(0, new Counting(proxy));
    config.setListenAddress(InetAddress.getLoopbackAddress());
    listener = new LDAPListener(config);
    try {
      listener.startListening();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the LDAP proxy did not start: " + e.getMessage(), e);
    }
  }

  /** A proxy on a free port in front of the server at this {@code ldap://} URL. */
  static ScriptedLdapProxy to(String backendUrl) {
    try {
      return new ScriptedLdapProxy(backendUrl);
    } catch (LDAPException e) {
      throw new IllegalStateException("bad backend URL " + backendUrl + ": " + e.getMessage(), e);
    }
  }

  /** The proxy's URL, for the connector. */
  String url() {
    return "ldap://127.0.0.1:" + listener.getListenPort();
  }

  /** Refuses the next {@code count} membership modifies with {@code code}. */
  void refuseNextWrites(int count, ResultCode code) {
    refusal = code;
    refuseNext.set(count);
  }

  /** Membership modifies received, refused ones included. */
  int writes() {
    return writes.get();
  }

  /** Searches that asked for a membership attribute or all attributes of an entry. */
  int memberListReads() {
    return memberListReads.get();
  }

  @Override
  public void close() {
    listener.shutDown(true);
  }

  /** Forwards every operation; counts and scripts modifies; counts member-list searches. */
  private final class Counting extends LDAPListenerRequestHandler {

    private final LDAPListenerRequestHandler next;

    Counting(LDAPListenerRequestHandler next) {
      this.next = next;
    }

    @Override
    public LDAPListenerRequestHandler newInstance(LDAPListenerClientConnection connection) throws LDAPException {
      return new Counting(next.newInstance(connection));
    }

    @Override
    public void closeInstance() {
      next.closeInstance();
    }

    @Override
    public LDAPMessage processModifyRequest(int id, ModifyRequestProtocolOp request, List<Control> controls) {
      boolean membership = request.getModifications().stream()
          .anyMatch(m -> MEMBERSHIP.contains(m.getAttributeName().toLowerCase(java.util.Locale.ROOT)));
      if (membership) {
        writes.incrementAndGet();
        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          return new LDAPMessage(id, new ModifyResponseProtocolOp(refusal.intValue(), null,
              "refused by the test script", null));
        }
      }
      return next.processModifyRequest(id, request, controls);
    }

    @Override
    public LDAPMessage processSearchRequest(int id, SearchRequestProtocolOp request, List<Control> controls) {
      List<String> attributes = request.getAttributes();
      if (attributes.isEmpty() || attributes.contains("*")
          || attributes.stream().anyMatch(a -> MEMBERSHIP.contains(a.toLowerCase(java.util.Locale.ROOT)))) {
        memberListReads.incrementAndGet();
      }
      return next.processSearchRequest(id, request, controls);
    }

    @Override
    public LDAPMessage processAddRequest(int id, AddRequestProtocolOp request, List<Control> controls) {
      return next.processAddRequest(id, request, controls);
    }

    @Override
    public LDAPMessage processBindRequest(int id, BindRequestProtocolOp request, List<Control> controls) {
      return next.processBindRequest(id, request, controls);
    }

    @Override
    public LDAPMessage processCompareRequest(int id, CompareRequestProtocolOp request, List<Control> controls) {
      return next.processCompareRequest(id, request, controls);
    }

    @Override
    public LDAPMessage processDeleteRequest(int id, DeleteRequestProtocolOp request, List<Control> controls) {
      return next.processDeleteRequest(id, request, controls);
    }

    @Override
    public LDAPMessage processExtendedRequest(int id, ExtendedRequestProtocolOp request, List<Control> controls) {
      return next.processExtendedRequest(id, request, controls);
    }

    @Override
    public LDAPMessage processModifyDNRequest(int id, ModifyDNRequestProtocolOp request, List<Control> controls) {
      return next.processModifyDNRequest(id, request, controls);
    }
  }
}
