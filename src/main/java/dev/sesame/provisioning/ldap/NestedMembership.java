package dev.sesame.provisioning.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.Membership;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Active Directory's transitive membership and its ranged reads of large {@code member} attributes.
 *
 * <ul>
 *   <li>The check is one base-scope search on the group with the in-chain matching rule ({@code
 *       (member:1.2.840.113556.1.4.1941:=<person DN>)}): Active Directory walks the nesting itself
 *       and never returns a member list, so no ranges are involved.
 *   <li>The path (which nested groups) is only looked for once the check said yes and the person
 *       is not a direct member: the groups that hold the person in chain are searched once, then
 *       the member lists are read from the group down, each in ranges ({@code member;range=0-1499},
 *       then {@code member;range=1500-*}, ... until a range ends in {@code *}).
 *   <li>A member list is never concluded from a partial read: when a range is missing or a read
 *       fails half-way, {@link #members} throws.
 * </ul>
 */
final class NestedMembership {

  /** LDAP_MATCHING_RULE_IN_CHAIN: Active Directory follows nested groups when matching. */
  static final String IN_CHAIN = "1.2.840.113556.1.4.1941";

  private static final int MAX_DEPTH = 32;
  private static final String MEMBER = "member";

  private final LDAPConnectionPool pool;
  private final boolean followReferrals;

  NestedMembership(LDAPConnectionPool pool, boolean followReferrals) {
    this.pool = pool;
    this.followReferrals = followReferrals;
  }

  /** The person's membership of the group, transitively, with the path when it can be told. */
  Membership of(DN person, DN group) throws LDAPException {
    if (!matches(group, Filter.createEqualityFilter(MEMBER, person.toString()))) {
      if (!matches(group, inChain(person))) {
        return Membership.none();
      }
      return Membership.through(path(person, group));
    }
    return Membership.direct();
  }

  /**
   * Every value of the group's {@code member} attribute, read in as many ranges as the server
   * serves; empty when the group has no members. Throws when the server stops before a range ending
   * in {@code *} (never a partial list).
   */
  List<String> members(DN group) throws LDAPException {
    List<String> values = new ArrayList<>();
    String requested = MEMBER;
    while (true) {
      SearchRequest request = new SearchRequest(group.toString(), SearchScope.BASE,
          Filter.createPresenceFilter("objectClass"), requested);
      request.setFollowReferrals(followReferrals);
      SearchResult result = pool.search(request);
      if (result.getEntryCount() == 0) {
        throw new LDAPException(ResultCode.NO_SUCH_OBJECT, group + " is not there any more");
      }
      SearchResultEntry entry = result.getSearchEntries().get(0);
      Optional<Attribute> found = entry.getAttributes().stream()
          .filter(a -> a.getBaseName().equalsIgnoreCase(MEMBER)).findFirst();
      if (found.isEmpty()) {
        if (requested.equals(MEMBER)) {
          return values;
        }
        throw new LDAPException(ResultCode.OTHER, group + ": the server did not serve " + requested
            + " after " + values.size() + " members; the member list is incomplete");
      }
      values.addAll(List.of(found.get().getValues()));
      Optional<String> range = found.get().getOptions().stream()
          .filter(o -> o.toLowerCase(Locale.ROOT).startsWith("range=")).findFirst();
      if (range.isEmpty()) {
        return values;
      }
      String[] bounds = range.get().substring("range=".length()).split("-", 2);
      if (bounds.length != 2) {
        throw new LDAPException(ResultCode.DECODING_ERROR, group + ": unreadable range option " + range.get());
      }
      if (bounds[1].equals("*")) {
        return values;
      }
      requested = MEMBER + ";range=" + (Long.parseLong(bounds[1]) + 1) + "-*";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  /** The nested groups from the group down to the one that holds the person; empty when not found. */
  private List<GroupExternalId> path(DN person, DN group) throws LDAPException {
    Set<DN> holding = groupsHolding(person, domain(group));
    List<GroupExternalId> path = new ArrayList<>();
    Set<DN> visited = new HashSet<>();
    DN current = group;
    for (int depth = 0; depth < MAX_DEPTH && visited.add(current); depth++) {
      Set<DN> members = new LinkedHashSet<>();
      for (String value : members(current)) {
        members.add(new DN(value));
      }
      if (members.contains(person) && !current.equals(group)) {
        return path;
      }
      Optional<DN> next = members.stream().filter(holding::contains).filter(dn -> !visited.contains(dn)).findFirst();
      if (next.isEmpty()) {
        return List.of();
      }
      path.add(new GroupExternalId(next.get().toString()));
      current = next.get();
    }
    return List.of();
  }

  /** The groups under the base that hold the person, directly or through nesting. */
  private Set<DN> groupsHolding(DN person, DN base) throws LDAPException {
    SearchRequest request = new SearchRequest(base.toString(), SearchScope.SUB,
        Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "group"), inChain(person)), "1.1");
    request.setFollowReferrals(followReferrals);
    Set<DN> groups = new HashSet<>();
    for (SearchResultEntry entry : pool.search(request).getSearchEntries()) {
      groups.add(entry.getParsedDN());
    }
    return groups;
  }

  private boolean matches(DN group, Filter filter) throws LDAPException {
    SearchRequest request = new SearchRequest(group.toString(), SearchScope.BASE, filter, "1.1");
    request.setFollowReferrals(followReferrals);
    return pool.search(request).getEntryCount() > 0;
  }

  private static Filter inChain(DN person) {
    return Filter.createExtensibleMatchFilter(MEMBER, IN_CHAIN, false, person.toString());
  }

  /** The domain a DN is in: its trailing {@code dc=} components (the whole DN when there are none). */
  private static DN domain(DN dn) {
    RDN[] rdns = dn.getRDNs();
    int first = rdns.length;
    while (first > 0 && rdns[first - 1].hasAttribute("dc")) {
      first--;
    }
    if (first == rdns.length) {
      return dn;
    }
    RDN[] suffix = new RDN[rdns.length - first];
    System.arraycopy(rdns, first, suffix, 0, suffix.length);
    return new DN(suffix);
  }
}
