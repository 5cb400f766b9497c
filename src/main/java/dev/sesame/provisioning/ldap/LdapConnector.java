package dev.sesame.provisioning.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.sesame.common.UnavailableException;
import dev.sesame.directory.Person;
import dev.sesame.directory.ldap.LdapEndpoint;
import dev.sesame.provisioning.Account;
import dev.sesame.provisioning.AccountId;
import dev.sesame.provisioning.Capability;
import dev.sesame.provisioning.ConnectionCheck;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.GroupInfo;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.ThrottledException;
import dev.sesame.provisioning.WriteResult;
import dev.sesame.provisioning.ldap.LdapConnectorSettings.Flavour;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds people to and removes them from LDAP groups; a group's external ID is its DN. People are
 * found by their login under the people base; the value written is their DN ({@code member},
 * {@code uniqueMember}) or their login ({@code memberUid}). Thread-safe.
 */
final class LdapConnector implements Connector, AutoCloseable {

  /** How long to wait before retrying when the server is down, busy or slow. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(LdapConnector.class);
  private static final int MAX_CONNECTIONS = 2;
  private static final Filter ANY_GROUP = Filter.createORFilter(
      Filter.createEqualityFilter("objectClass", "groupOfNames"),
      Filter.createEqualityFilter("objectClass", "groupOfUniqueNames"),
      Filter.createEqualityFilter("objectClass", "posixGroup"),
      Filter.createEqualityFilter("objectClass", "group"));

  private final ProvisioningSystemId system;
  private final LdapConnectorSettings settings;
  private final LdapEndpoint endpoint;
  private final LDAPConnectionPool pool;
  private final NestedMembership nested;

  LdapConnector(ProvisioningSystemId system, LdapConnectorSettings settings) {
    this.system = system;
    this.settings = settings;
    this.endpoint = settings.endpoint();
    this.pool = endpoint.openPool(MAX_CONNECTIONS);
    this.nested = new NestedMembership(pool, settings.followReferrals());
  }

  // ---------------------------------------------------------------------------------------------
  // Connector
  // ---------------------------------------------------------------------------------------------

  @Override
  public ConnectionCheck testConnection() {
    String where = system.value() + " (" + endpoint.server() + ")";
    try {
      RootDSE rootDse = pool.getRootDSE();
      if (pool.getEntry(settings.peopleBase().toString(), "1.1") == null) {
        return new ConnectionCheck(false, "Connected to " + where + ", but people-base "
            + settings.peopleBase() + " does not exist; fix people-base");
      }
      String vendor = rootDse == null || rootDse.getVendorName() == null ? "" : " (" + rootDse.getVendorName() + ")";
      return new ConnectionCheck(true, "Connected to " + where + vendor + " as "
          + (settings.bindDn().isEmpty() ? "anonymous" : settings.bindDn()));
    } catch (LDAPException e) {
      ResultCode code = e.getResultCode();
      if (code == ResultCode.INVALID_CREDENTIALS) {
        return new ConnectionCheck(false, where + " refused the bind as " + settings.bindDn()
            + "; check bind-dn and bind-password");
      }
      if (LdapEndpoint.isUnavailable(code)) {
        return new ConnectionCheck(false, "Cannot reach " + where + " (" + code + "): " + e.getMessage()
            + "; check url and that the server is running");
      }
      return new ConnectionCheck(false, where + " answered " + code + ": " + e.getMessage());
    }
  }

  /**
   * Active Directory: nested groups (in-chain matching rule) with the path. Any other LDAP server:
   * none, the check reads direct members.
   */
  @Override
  public Set<Capability> capabilities() {
    return settings.flavour() == Flavour.ACTIVE_DIRECTORY
        ? Set.of(Capability.NESTED_GROUPS, Capability.MEMBERSHIP_PATH)
        : Set.of();
  }

  @Override
  public Optional<Account> findAccount(Person person) {
    try {
      return entry(person).map(entry -> new Account(new AccountId(entry.getDN()),
          Optional.ofNullable(entry.getAttributeValue(settings.loginAttribute())).orElse(person.id().value())));
    } catch (LDAPException e) {
      throw failure(e, "find " + person.id());
    }
  }

  @Override
  public Optional<GroupInfo> findGroup(GroupExternalId group) {
    Optional<DN> dn = groupDn(group);
    if (dn.isEmpty()) {
      return Optional.empty();
    }
    try {
      SearchResult result = pool.search(search(dn.get(), SearchScope.BASE, ANY_GROUP, "cn", "description",
          "objectClass"));
      return result.getSearchEntries().stream().findFirst()
          .map(entry -> new GroupInfo(group, displayName(entry), settings.membership().problemWith(entry, system)));
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        return Optional.empty();
      }
      throw failure(e, "read group " + dn.get());
    }
  }

  @Override
  public boolean isMember(Person person, GroupExternalId group) {
    Optional<DN> dn = groupDn(group);
    if (dn.isEmpty()) {
      return false;
    }
    try {
      Optional<String> value = memberValue(person);
      if (value.isEmpty()) {
        return false;
      }
      // A base-scope search on the group, never a read of its member list (which Active Directory
      // would serve in ranges): the server answers whether the value is there.
      return pool.search(search(dn.get(), SearchScope.BASE,
          Filter.createEqualityFilter(settings.membership().attribute(), value.get()), "1.1")).getEntryCount() > 0;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT || e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE) {
        return false;
      }
      throw failure(e, "check " + person.id() + " in group " + dn.get());
    }
  }

  /** Active Directory: transitive, with the nested groups it goes through; else {@link #isMember}. */
  @Override
  public dev.sesame.provisioning.Membership membership(Person person, GroupExternalId group) {
    if (settings.flavour() != Flavour.ACTIVE_DIRECTORY) {
      return Connector.super.membership(person, group);
    }
    Optional<DN> dn = groupDn(group);
    if (dn.isEmpty()) {
      return dev.sesame.provisioning.Membership.none();
    }
    try {
      Optional<SearchResultEntry> entry = entry(person);
      if (entry.isEmpty()) {
        return dev.sesame.provisioning.Membership.none();
      }
      return nested.of(entry.get().getParsedDN(), dn.get());
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        return dev.sesame.provisioning.Membership.none();
      }
      throw failure(e, "check " + person.id() + " in group " + dn.get());
    }
  }

  /**
   * Every member of the group, read in ranges where the server serves them so (Active Directory);
   * used only to tell the path of a nested membership, never for a grant or a check.
   */
  List<String> members(GroupExternalId group) {
    DN dn = groupDn(group).orElseThrow(() -> new IllegalArgumentException(group.value() + " is not a DN"));
    try {
      return nested.members(dn);
    } catch (LDAPException e) {
      throw failure(e, "read the members of " + dn);
    }
  }

  @Override
  public WriteResult addMember(Person person, GroupExternalId group) {
    return write(ModificationType.ADD, person, group);
  }

  @Override
  public WriteResult removeMember(Person person, GroupExternalId group) {
    return write(ModificationType.DELETE, person, group);
  }

  /** Closes the connections to the server. */
  @Override
  public void close() {
    pool.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  /** One modify of one value: no read of the member list first (idempotent, minimal). */
  private WriteResult write(ModificationType type, Person person, GroupExternalId group) {
    Optional<DN> dn = groupDn(group);
    if (dn.isEmpty()) {
      return new WriteResult.Rejected(Refusal.INVALID_CONFIGURATION, "'" + group.value()
          + "' is not a DN; the external ID of a group in "
          + system.value() + " is its DN, e.g. cn=figma-users,ou=groups,dc=example,dc=com");
    }
    try {
      Optional<String> value = memberValue(person);
      if (value.isEmpty()) {
        return new WriteResult.Rejected(Refusal.PERSON_NOT_FOUND, person.id() + " has no account in "
            + system.value() + ": no entry with "
            + settings.loginAttribute() + "=" + person.id().value() + " under " + settings.peopleBase());
      }
      ModifyRequest modify = new ModifyRequest(dn.get().toString(),
          new Modification(type, settings.membership().attribute(), value.get()));
      modify.setFollowReferrals(settings.followReferrals());
      pool.modify(modify);
      return new WriteResult.Applied();
    } catch (LDAPException e) {
      return outcome(e, type == ModificationType.ADD, person, dn.get());
    }
  }

  private WriteResult outcome(LDAPException e, boolean adding, Person person, DN group) {
    ResultCode code = e.getResultCode();
    String server = " (" + code + ": " + e.getMessage() + ")";
    if (code == ResultCode.BUSY) {
      return new WriteResult.RetryLater(RETRY_AFTER, WriteResult.RetryLater.Why.THROTTLED, system.value() + " at "
          + endpoint.server() + " is busy" + server);
    }
    if (LdapEndpoint.isUnavailable(code)) {
      return new WriteResult.RetryLater(RETRY_AFTER, system.value() + " at " + endpoint.server()
          + " is unavailable" + server);
    }
    if (code == ResultCode.NO_SUCH_OBJECT) {
      return new WriteResult.Rejected(Refusal.GROUP_NOT_FOUND, "group " + group + " does not exist in "
          + system.value());
    }
    // Active Directory answers "entry already exists" when the member is already in the group.
    if (adding && (code == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS || code == ResultCode.ENTRY_ALREADY_EXISTS)) {
      return new WriteResult.AlreadyInState();
    }
    if (!adding && code == ResultCode.NO_SUCH_ATTRIBUTE) {
      return new WriteResult.AlreadyInState();
    }
    if (!adding && code == ResultCode.OBJECT_CLASS_VIOLATION) {
      return new WriteResult.Rejected(person.id() + " is the last member of " + group + " in " + system.value()
          + ", and the group's schema needs at least one member: add someone else first, then remove them"
          + server);
    }
    if (code == ResultCode.REFERRAL) {
      return new WriteResult.Rejected(Refusal.INVALID_CONFIGURATION, system.value() + " referred the change of "
          + group + " to " + String.join(", ", e.getReferralURLs()) + "; point url at that server, or set "
          + "referrals to follow" + server);
    }
    if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
      return new WriteResult.Rejected(Refusal.ACCESS_DENIED, system.value() + " does not let " + settings.bindDn()
          + " change " + group + "; give bind-dn write access to the group's membership attribute" + server);
    }
    // Schema violations (object class, constraint, syntax, ...) and anything else: refused, never done.
    return new WriteResult.Rejected(system.value() + " refused to " + (adding ? "add " : "remove ")
        + person.id().value()
        + (adding ? " to " : " from ") + group + server);
  }

  /** The value that names this person in a group, read from the server; empty when unknown. */
  private Optional<String> memberValue(Person person) throws LDAPException {
    Optional<SearchResultEntry> entry = entry(person);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    if (settings.membership().holdsDn()) {
      return Optional.of(entry.get().getDN());
    }
    return Optional.of(Optional.ofNullable(entry.get().getAttributeValue(settings.loginAttribute()))
        .orElse(person.id().value()));
  }

  /**
   * The person's entry under the people base, found by login (and by e-mail when the login
   * attribute is {@code userPrincipalName} or {@code mail}); empty when there is none. Values are
   * escaped by {@link Filter#createEqualityFilter}; the server's matching rule ignores case.
   */
  private Optional<SearchResultEntry> entry(Person person) throws LDAPException {
    String login = settings.loginAttribute();
    Filter filter = Filter.createEqualityFilter(login, person.id().value());
    if ((login.equalsIgnoreCase("userPrincipalName") || login.equalsIgnoreCase("mail"))
        && !person.email().isBlank() && !person.email().equalsIgnoreCase(person.id().value())) {
      filter = Filter.createORFilter(filter, Filter.createEqualityFilter(login, person.email()));
    }
    SearchResult result = pool.search(search(settings.peopleBase(), SearchScope.SUB, filter, login));
    if (result.getEntryCount() == 0) {
      return Optional.empty();
    }
    if (result.getEntryCount() > 1) {
      log.warn("{}: {} entries have {}={}; using {}", system, result.getEntryCount(), login, person.id().value(),
          result.getSearchEntries().get(0).getDN());
    }
    return Optional.of(result.getSearchEntries().get(0));
  }

  private SearchRequest search(DN base, SearchScope scope, Filter filter, String... attributes) {
    SearchRequest request = new SearchRequest(base.toString(), scope, filter, attributes);
    request.setFollowReferrals(settings.followReferrals());
    return request;
  }

  private Optional<DN> groupDn(GroupExternalId group) {
    try {
      DN dn = new DN(group.value());
      return dn.isNullDN() ? Optional.empty() : Optional.of(dn);
    } catch (LDAPException e) {
      log.debug("{}: '{}' is not a DN: {}", system, group.value(), e.getMessage());
      return Optional.empty();
    }
  }

  private static String displayName(Entry group) {
    return Optional.ofNullable(group.getAttributeValue("cn"))
        .or(() -> Optional.ofNullable(group.getAttributeValue("description")))
        .orElse(group.getDN());
  }

  /** The exception for a failed read: unavailable when the server cannot be reached, else a fault. */
  private RuntimeException failure(LDAPException e, String action) {
    if (e.getResultCode() == ResultCode.BUSY) {
      return new ThrottledException(system.value() + " at " + endpoint.server() + " is busy: could not " + action,
          RETRY_AFTER, e);
    }
    if (LdapEndpoint.isUnavailable(e.getResultCode())) {
      return new UnavailableException(system.value() + " at " + endpoint.server() + " is unavailable ("
          + e.getResultCode() + "): could not " + action, e);
    }
    return new IllegalStateException(system.value() + " at " + endpoint.server() + " could not " + action + ": "
        + e.getResultCode() + ": " + e.getMessage(), e);
  }
}
