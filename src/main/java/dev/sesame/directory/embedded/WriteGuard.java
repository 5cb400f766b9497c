package dev.sesame.directory.embedded;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo directory's access control, which the in-memory server does not have: only Sesame's
 * service account may write, and nobody reads password attributes.
 *
 * <p>NB. Without it every demo employee could bind with their own password and add themselves to
 * the catalog admins group, or read everyone's password.
 */
final class WriteGuard extends InMemoryOperationInterceptor {

  private static final int MAX_TRACKED_CONNECTIONS = 10_000;

  private final DN serviceAccount;
  private final Map<Long, DN> boundAs = new ConcurrentHashMap<>();

  WriteGuard(DN serviceAccount) {
    this.serviceAccount = serviceAccount;
  }

  @Override
  public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult bind) {
    if (boundAs.size() > MAX_TRACKED_CONNECTIONS) {
      boundAs.clear();
    }
    long connection = bind.getConnectionID();
    if (bind.getResult().getResultCode() != ResultCode.SUCCESS) {
      boundAs.remove(connection);
      return;
    }
    try {
      boundAs.put(connection, new DN(bind.getRequest().getBindDN()));
    } catch (LDAPException e) {
      boundAs.remove(connection);
    }
  }

  @Override
  public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
    requireServiceAccount(request);
  }

  @Override
  public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
    requireServiceAccount(request);
  }

  @Override
  public void processDeleteRequest(InMemoryInterceptedDeleteRequest request) throws LDAPException {
    requireServiceAccount(request);
  }

  @Override
  public void processModifyDNRequest(InMemoryInterceptedModifyDNRequest request) throws LDAPException {
    requireServiceAccount(request);
  }

  @Override
  public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
    if (entry.getSearchEntry().hasAttribute("userPassword")) {
      Entry copy = entry.getSearchEntry().duplicate();
      copy.removeAttribute("userPassword");
      entry.setSearchEntry(copy);
    }
  }

  private void requireServiceAccount(InMemoryInterceptedRequest request) throws LDAPException {
    if (!serviceAccount.equals(boundAs.get(request.getConnectionID()))) {
      throw new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
          "only Sesame's service account may change the demo directory");
    }
  }
}
