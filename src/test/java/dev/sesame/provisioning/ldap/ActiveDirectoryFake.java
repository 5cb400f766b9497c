package dev.sesame.provisioning.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFReader;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.io.ClassPathResource;

/**
 * An Active Directory-style server: UnboundID's in-memory server loaded from {@code
 * directory/sample.ldif}, every person given a {@code sAMAccountName} (upper case, to prove the
 * lookup ignores case) and a {@code userPrincipalName}, every group the object class {@code group},
 * and an interceptor that behaves as Active Directory does where the in-memory server does not:
 *
 * <ul>
 *   <li><b>Ranged retrieval.</b> A {@code member} attribute of more than {@value #RANGE} values is
 *       served as {@code member;range=0-1499}; a request for {@code member;range=1500-*} gets the
 *       next range, the last one named {@code member;range=<low>-*}.
 *   <li><b>The in-chain matching rule</b> ({@code member:1.2.840.113556.1.4.1941:=<DN>}), alone or
 *       in an AND, evaluated by walking the nested groups as loaded by {@link #group}.
 * </ul>
 */
final class ActiveDirectoryFake implements AutoCloseable {

  static final int RANGE = 1500;
  private static final String BASE = LdapConformanceTest.BASE;
  private static final String IN_CHAIN_MARKER = "x-in-chain";

  private final InMemoryDirectoryServer server;
  private final Map<DN, List<DN>> groups = new ConcurrentHashMap<>();
  private final AtomicInteger rangedReads = new AtomicInteger();

  private ActiveDirectoryFake() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setSchema(null);
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    config.addInMemoryOperationInterceptor(new ActiveDirectoryBehaviour());
    server = new InMemoryDirectoryServer(config);
    try (InputStream seed = new ClassPathResource("directory/sample.ldif").getInputStream()) {
      server.importFromLDIF(true, new LDIFReader(seed));
    }
    for (Entry entry : server.search(BASE, SearchScope.SUB, "(objectClass=*)").getSearchEntries()) {
      if (entry.hasObjectClass("inetOrgPerson")) {
        String uid = entry.getAttributeValue("uid");
        server.modify("dn: " + entry.getDN(), "changetype: modify",
            "add: sAMAccountName", "sAMAccountName: " + uid.toUpperCase(Locale.ROOT), "-",
            "add: userPrincipalName", "userPrincipalName: " + uid + "@BRIGHTWAVE.example");
      } else if (entry.hasObjectClass("groupOfNames")) {
        server.modify("dn: " + entry.getDN(), "changetype: modify", "add: objectClass", "objectClass: group");
        groups.put(entry.getParsedDN(), dns(entry.getAttributeValues("member")));
      }
    }
  }

  static ActiveDirectoryFake start() {
    try {
      ActiveDirectoryFake fake = new ActiveDirectoryFake();
      fake.server.startListening();
      return fake;
    } catch (Exception e) {
      throw new IllegalStateException("could not start the Active Directory fake", e);
    }
  }

  /** Adds (or replaces) a group with these members in this order; they need no entries of their own. */
  void group(String dn, List<String> members) {
    try {
      server.deleteSubtree(dn);
    } catch (LDAPException absent) {
      // a new group
    }
    try {
      server.add(new Entry(dn, new Attribute("objectClass", "top", "group"),
          new Attribute("cn", new DN(dn).getRDN().getAttributeValues()[0]), new Attribute("member", members)));
      groups.put(new DN(dn), dns(members.toArray(String[]::new)));
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds a member to a group that exists (nesting). */
  void nest(String group, String member) {
    try {
      server.modify("dn: " + group, "changetype: modify", "add: member", "member: " + member);
      groups.computeIfAbsent(new DN(group), dn -> new ArrayList<>()).add(new DN(member));
    } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
      throw new IllegalStateException(e);
    }
  }

  String url() {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  /** Searches that asked for a range of a member attribute past the first. */
  int rangedReads() {
    return rangedReads.get();
  }

  @Override
  public void close() {
    server.shutDown(true);
  }

  private static List<DN> dns(String... values) {
    List<DN> dns = new ArrayList<>();
    for (String value : values == null ? new String[0] : values) {
      try {
        dns.add(new DN(value));
      } catch (LDAPException e) {
        throw new IllegalStateException(e);
      }
    }
    return dns;
  }

  /** True when the group holds the person, directly or through nested groups. */
  private boolean holds(DN group, DN person, Set<DN> visited) {
    if (!visited.add(group)) {
      return false;
    }
    for (DN member : groups.getOrDefault(group, List.of())) {
      if (member.equals(person) || (groups.containsKey(member) && holds(member, person, visited))) {
        return true;
      }
    }
    return false;
  }

  private final class ActiveDirectoryBehaviour extends InMemoryOperationInterceptor {

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
      SearchRequest rewritten = request.getRequest().duplicate();
      rewritten.setFilter(withoutInChain(rewritten.getFilter()));
      List<String> attributes = new ArrayList<>(Arrays.asList(rewritten.getAttributes()));
      if (attributes.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("member;range="))) {
        rangedReads.incrementAndGet();
        attributes.add("member");
        rewritten.setAttributes(attributes);
      }
      request.setRequest(rewritten);
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry intercepted) {
      SearchResultEntry entry = intercepted.getSearchEntry();
      try {
        Optional<String> inChain = marker(intercepted.getRequest().getFilter());
        if (inChain.isPresent() && !holds(entry.getParsedDN(), new DN(inChain.get()), new HashSet<>())) {
          intercepted.setSearchEntry(null);
          return;
        }
      } catch (LDAPException e) {
        throw new IllegalStateException(e);
      }
      Attribute member = entry.getAttribute("member");
      if (member == null) {
        return;
      }
      String[] values = member.getValues();
      Optional<String> asked = intercepted.getRequest().getAttributeList().stream()
          .filter(a -> a.toLowerCase(Locale.ROOT).startsWith("member;range=")).findFirst();
      if (asked.isEmpty() && values.length <= RANGE) {
        return;
      }
      int low = asked.map(a -> Integer.parseInt(a.substring("member;range=".length()).split("-")[0])).orElse(0);
      int end = Math.min(low + RANGE, values.length);
      String name = "member;range=" + low + "-" + (end == values.length ? "*" : String.valueOf(end - 1));
      Entry ranged = entry.duplicate();
      ranged.removeAttribute("member");
      ranged.addAttribute(new Attribute(name, Arrays.copyOfRange(values, Math.min(low, end), end)));
      intercepted.setSearchEntry(ranged);
    }

    /** The filter with an in-chain component replaced by one that matches all, carrying the DN. */
    private Filter withoutInChain(Filter filter) {
      if (filter.getFilterType() == Filter.FILTER_TYPE_EXTENSIBLE_MATCH
          && NestedMembership.IN_CHAIN.equals(filter.getMatchingRuleID())) {
        return Filter.createNOTFilter(Filter.createEqualityFilter(IN_CHAIN_MARKER, filter.getAssertionValue()));
      }
      if (filter.getFilterType() == Filter.FILTER_TYPE_AND) {
        return Filter.createANDFilter(Arrays.stream(filter.getComponents()).map(this::withoutInChain).toList());
      }
      return filter;
    }

    private Optional<String> marker(Filter filter) {
      if (filter.getFilterType() == Filter.FILTER_TYPE_NOT
          && filter.getNOTComponent().getFilterType() == Filter.FILTER_TYPE_EQUALITY
          && filter.getNOTComponent().getAttributeName().equals(IN_CHAIN_MARKER)) {
        return Optional.of(filter.getNOTComponent().getAssertionValue());
      }
      if (filter.getFilterType() == Filter.FILTER_TYPE_AND) {
        return Arrays.stream(filter.getComponents()).map(this::marker).flatMap(Optional::stream).findFirst();
      }
      return Optional.empty();
    }
  }
}
