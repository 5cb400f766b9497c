package dev.sesame.directory.ldap;

import static dev.sesame.directory.ldap.PersonEntries.LOGIN;
import static dev.sesame.directory.ldap.PersonEntries.MANAGER;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.sesame.directory.Directory;
import dev.sesame.directory.DirectoryConnection;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The company directory read over LDAP: people under the people base (login in {@code uid}) and
 * groups ({@code groupOfNames} or {@code groupOfUniqueNames}) under the groups base.
 *
 * <p>Caching: a person's own attributes and manager are kept for {@link #CACHE_TTL}; their groups
 * are read on every {@link #find}, so a membership Sesame just changed shows at once. {@link
 * #authenticate} always reads the entry afresh, so a locked account cannot sign in from the cache.
 *
 * <p>Thread-safe. Unreachable servers throw {@link dev.sesame.common.UnavailableException}.
 */
public final class LdapDirectory implements Directory, AutoCloseable {

  /** How long a person's attributes are reused before they are read again. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);
  private static final int PAGE_SIZE = 500;
  private static final int MAX_CONNECTIONS = 4;
  private static final String[] MEMBER_ATTRIBUTES = {"member", "uniqueMember"};

  private final LdapEndpoint endpoint;
  private final LDAPConnectionPool pool;
  private final DN peopleBase;
  private final DN groupsBase;
  private final Clock clock;
  private final Map<PersonId, Known> cache = new ConcurrentHashMap<>();

  // ---------------------------------------------------------------------------------------------
  // Constructors
  // ---------------------------------------------------------------------------------------------

  /** Reads the directory at this connection; does not fail when the server is down yet. */
  public LdapDirectory(DirectoryConnection connection, String peopleBase, String groupsBase, Clock clock) {
    this.endpoint = LdapEndpoint.of(connection);
    this.peopleBase = parseBase("sesame.directory.people-base", peopleBase);
    this.groupsBase = parseBase("sesame.directory.groups-base", groupsBase);
    this.clock = clock;
    this.pool = endpoint.openPool(MAX_CONNECTIONS);
  }

  // ---------------------------------------------------------------------------------------------
  // Directory
  // ---------------------------------------------------------------------------------------------

  @Override
  public Optional<Person> find(PersonId id) {
    return call("find " + id, () -> {
      Known known = cache.get(id);
      if (known == null || known.isOlderThan(clock.instant().minus(CACHE_TTL))) {
        Optional<Known> loaded = load(id);
        if (loaded.isEmpty()) {
          return Optional.empty();
        }
        known = loaded.get();
      }
      return Optional.of(PersonEntries.withGroups(known.person(), groupsOf(known.dn())));
    });
  }

  @Override
  public List<Person> everyone() {
    return call("list everyone", () -> {
      List<SearchResultEntry> entries = searchAll(peopleBase, Filter.createPresenceFilter(LOGIN),
          PersonEntries.ATTRIBUTES);
      Map<DN, PersonId> logins = new HashMap<>();
      for (SearchResultEntry entry : entries) {
        Optional<PersonId> login = PersonEntries.login(entry);
        if (login.isPresent()) {
          logins.put(entry.getParsedDN(), login.get());
        }
      }
      Map<DN, Set<String>> groups = groupsByMember();
      List<Person> people = new ArrayList<>();
      for (SearchResultEntry entry : entries) {
        PersonId login = logins.get(entry.getParsedDN());
        if (login == null) {
          log.debug("{} has no usable uid; left out", entry.getDN());
          continue;
        }
        Optional<PersonId> manager = PersonEntries.dn(entry.getAttributeValue(MANAGER), entry)
            .flatMap(dn -> PersonEntries.loginFromRdn(dn).or(() -> Optional.ofNullable(logins.get(dn))));
        people.add(PersonEntries.toPerson(login, entry, manager,
            groups.getOrDefault(entry.getParsedDN(), Set.of())));
      }
      people.sort(Comparator.comparing(Person::id));
      return people;
    });
  }

  @Override
  public boolean authenticate(PersonId id, String password) {
    // NB. an LDAP simple bind with a DN and an empty password is an anonymous bind that many
    // servers answer with success. Refuse it here, before anything reaches the server.
    if (password.isEmpty()) {
      return false;
    }
    Optional<Known> known = call("find " + id, () -> load(id));
    if (known.isEmpty() || !known.get().person().active()) {
      return false;
    }
    // A connection of its own: a bind changes the connection's identity, pool connections stay
    // bound as the service account.
    try (LDAPConnection connection = endpoint.connect()) {
      connection.bind(new SimpleBindRequest(known.get().dn(), password));
      return true;
    } catch (LDAPException e) {
      if (LdapEndpoint.isUnavailable(e.getResultCode())) {
        throw endpoint.unavailable(e);
      }
      if (e.getResultCode() != ResultCode.INVALID_CREDENTIALS) {
        log.info("Sign-in of {} refused by {}: {}", id, endpoint.server(), e.getResultCode());
      }
      return false;
    }
  }

  @Override
  public Set<PersonId> membersOf(String groupName) {
    return call("read the members of " + groupName, () -> {
      Set<PersonId> members = new HashSet<>();
      for (SearchResultEntry group : searchAll(groupsBase, Filter.createEqualityFilter("cn", groupName),
          MEMBER_ATTRIBUTES)) {
        for (DN member : memberDns(group)) {
          loginOf(member).ifPresent(members::add);
        }
      }
      return Set.copyOf(members);
    });
  }

  /** Forgets what was read about this person, so the next {@link #find} reads the directory. */
  public void evict(PersonId id) {
    cache.remove(id);
  }

  @Override
  public Optional<Person> findFresh(PersonId id) {
    evict(id);
    return find(id);
  }

  /** Closes the connections to the directory. */
  @Override
  public void close() {
    pool.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private Optional<Known> load(PersonId id) throws LDAPException {
    List<SearchResultEntry> found = searchAll(peopleBase, Filter.createEqualityFilter(LOGIN, id.value()),
        PersonEntries.ATTRIBUTES);
    if (found.isEmpty()) {
      cache.remove(id);
      return Optional.empty();
    }
    if (found.size() > 1) {
      log.warn("{} entries under {} have uid={}; using {}", found.size(), peopleBase, id.value(),
          found.get(0).getDN());
    }
    Entry entry = found.get(0);
    Optional<DN> managerDn = PersonEntries.dn(entry.getAttributeValue(MANAGER), entry);
    Optional<PersonId> manager = managerDn.isPresent() ? loginOf(managerDn.get()) : Optional.empty();
    Known known = new Known(PersonEntries.toPerson(id, entry, manager, Set.of()), entry.getDN(), clock.instant());
    cache.put(id, known);
    return Optional.of(known);
  }

  /** The login of the person with this DN: from the RDN when it is {@code uid=…}, else read. */
  private Optional<PersonId> loginOf(DN person) throws LDAPException {
    Optional<PersonId> fromRdn = PersonEntries.loginFromRdn(person);
    if (fromRdn.isPresent()) {
      return fromRdn;
    }
    Entry entry = pool.getEntry(person.toString(), LOGIN);
    return entry == null ? Optional.empty() : PersonEntries.login(entry);
  }

  private Set<String> groupsOf(String personDn) throws LDAPException {
    Filter memberOf = Filter.createORFilter(
        Filter.createEqualityFilter("member", personDn), Filter.createEqualityFilter("uniqueMember", personDn));
    Set<String> names = new HashSet<>();
    for (SearchResultEntry group : searchAll(groupsBase, memberOf, "cn")) {
      String cn = group.getAttributeValue("cn");
      if (cn != null) {
        names.add(cn.toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private Map<DN, Set<String>> groupsByMember() throws LDAPException {
    Filter withMembers = Filter.createORFilter(
        Filter.createPresenceFilter("member"), Filter.createPresenceFilter("uniqueMember"));
    Map<DN, Set<String>> groups = new HashMap<>();
    for (SearchResultEntry group : searchAll(groupsBase, withMembers, "cn", "member", "uniqueMember")) {
      String cn = group.getAttributeValue("cn");
      if (cn != null) {
        for (DN member : memberDns(group)) {
          groups.computeIfAbsent(member, dn -> new HashSet<>()).add(cn.toLowerCase(Locale.ROOT));
        }
      }
    }
    return groups;
  }

  private static List<DN> memberDns(Entry group) {
    return Stream.of(MEMBER_ATTRIBUTES)
        .map(group::getAttributeValues)
        .filter(values -> values != null)
        .flatMap(Stream::of)
        .flatMap(value -> PersonEntries.dn(value, group).stream())
        .toList();
  }

  /**
   * All entries under {@code base} that match, page by page. The pages are read on one connection:
   * servers such as OpenLDAP tie the paging cookie to the connection.
   */
  private List<SearchResultEntry> searchAll(DN base, Filter filter, String... attributes) throws LDAPException {
    List<SearchResultEntry> entries = new ArrayList<>();
    LDAPConnection connection = pool.getConnection();
    try {
      @Nullable ASN1OctetString cookie = null;
      do {
        SearchRequest request = new SearchRequest(base.toString(), SearchScope.SUB, filter, attributes);
        request.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie, false));
        SearchResult result = connection.search(request);
        entries.addAll(result.getSearchEntries());
        SimplePagedResultsControl page = SimplePagedResultsControl.get(result);
        cookie = page != null && page.moreResultsToReturn() ? page.getCookie() : null;
      } while (cookie != null);
      pool.releaseConnection(connection);
      return entries;
    } catch (LDAPException e) {
      pool.releaseConnectionAfterException(connection, e);
      throw e;
    }
  }

  /** Runs a directory read, turning LDAP failures into Sesame's exceptions. */
  private <T> T call(String action, LdapCall<T> read) {
    try {
      return read.call();
    } catch (LDAPException e) {
      if (LdapEndpoint.isUnavailable(e.getResultCode())) {
        throw endpoint.unavailable(e);
      }
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        throw new IllegalStateException("Could not " + action + ": the directory at " + endpoint.server()
            + " has no " + peopleBase + " or " + groupsBase
            + "; check sesame.directory.people-base and sesame.directory.groups-base", e);
      }
      throw new IllegalStateException("Could not " + action + ": the directory at " + endpoint.server()
          + " answered " + e.getResultCode() + ": " + e.getMessage(), e);
    }
  }

  private static DN parseBase(String key, String value) {
    try {
      return new DN(value);
    } catch (LDAPException e) {
      throw new IllegalStateException(key + ": '" + value + "' is not a DN (" + e.getMessage()
          + "); use e.g. ou=people,dc=example,dc=com", e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Nested types
  // ---------------------------------------------------------------------------------------------

  /** A person as last read, without groups, with their entry's DN. */
  private record Known(Person person, String dn, Instant loadedAt) {

    boolean isOlderThan(Instant instant) {
      return loadedAt.isBefore(instant);
    }
  }

  /** A directory read that may fail with an LDAP error. */
  @FunctionalInterface
  private interface LdapCall<T> {
    T call() throws LDAPException;
  }
}
