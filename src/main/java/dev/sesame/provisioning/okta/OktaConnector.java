package dev.sesame.provisioning.okta;

import dev.sesame.common.UnavailableException;
import dev.sesame.directory.Person;
import dev.sesame.provisioning.Account;
import dev.sesame.provisioning.AccountId;
import dev.sesame.provisioning.Capability;
import dev.sesame.provisioning.ConnectionCheck;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.ConnectorRefusedException;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.GroupInfo;
import dev.sesame.provisioning.Membership;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.ThrottledException;
import dev.sesame.provisioning.WriteResult;
import dev.sesame.provisioning.WriteResult.RetryLater.Why;
import dev.sesame.provisioning.http.CallFailed;
import dev.sesame.provisioning.http.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Adds people to and removes them from Okta groups (Management API, SSWS token). A group's external
 * ID is its {@code 00g…} id; a person is found by {@code profile.login} or {@code profile.email},
 * ignoring case, and keyed on their {@code 00u…} id.
 *
 * <p>Okta answers 204 to a PUT or DELETE of a membership whether or not it changes anything, so
 * to say "already a member" truthfully the connector first reads the person's own groups ({@code
 * GET /api/v1/users/{id}/groups}, paged to the end) — never the group's member list, which can be
 * huge. A grant is then one write. Thread-safe.
 */
final class OktaConnector implements Connector {

  /** Okta's group ids: {@code 00g} and 17 more letters or digits. */
  static final Pattern GROUP_ID = Pattern.compile("00g[0-9A-Za-z]{17}");

  private final ProvisioningSystemId system;
  private final OktaApi api;

  OktaConnector(ProvisioningSystemId system, OktaSettings settings, Clock clock) {
    this.system = system;
    this.api = new OktaApi(system, settings, clock);
  }

  // ---------------------------------------------------------------------------------------------
  // Connector
  // ---------------------------------------------------------------------------------------------

  @Override
  public ConnectionCheck testConnection() {
    String where = system.value() + " (" + api.orgUrl() + ")";
    try {
      // NB. a service app has no user behind its token: it reads one group instead of "me".
      Response me = api.call("GET", api.uri(api.serviceApp() ? "/api/v1/groups?limit=1" : "/api/v1/users/me"));
      if (me.ok()) {
        return new ConnectionCheck(true, "Connected to " + where + " as " + (api.serviceApp() ? "the service app"
            : me.json().path("profile").path("login").asString("the API token's admin")));
      }
      OktaError error = OktaError.of(me);
      if (me.status() == 401) {
        return new ConnectionCheck(false, where + " refused the credentials (" + error + "); check "
            + (api.serviceApp() ? "client-id and private-key" : "api-token"));
      }
      return new ConnectionCheck(false, where + " answered " + me.status() + " (" + error + ")");
    } catch (ConnectorRefusedException e) {
      return new ConnectionCheck(false, e.getMessage());
    } catch (UnavailableException e) {
      return new ConnectionCheck(false, "Cannot reach " + where + ": " + e.getMessage() + "; check org-url");
    } catch (CallFailed e) {
      return new ConnectionCheck(false, "Cannot reach " + where + ": " + e.getMessage() + "; check org-url");
    }
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.FIND_BY_EMAIL, Capability.RATE_LIMIT_HINTS);
  }

  @Override
  public Optional<Account> findAccount(Person person) {
    try {
      return account(person);
    } catch (CallFailed e) {
      throw unavailable(e, "find " + person.id());
    }
  }

  @Override
  public Optional<GroupInfo> findGroup(GroupExternalId group) {
    if (!GROUP_ID.matcher(group.value()).matches()) {
      return Optional.empty();
    }
    try {
      Response response = api.call("GET", api.uri("/api/v1/groups/" + group.value()));
      if (response.status() == 404) {
        return Optional.empty();
      }
      api.requireOk(response, "read group " + group.value());
      JsonNode profile = response.json().path("profile");
      return Optional.of(new GroupInfo(group, profile.path("name").asString(group.value())));
    } catch (CallFailed e) {
      throw unavailable(e, "read group " + group.value());
    }
  }

  @Override
  public boolean isMember(Person person, GroupExternalId group) {
    return membership(person, group).member();
  }

  /** Okta groups do not nest: a member is a direct member. */
  @Override
  public Membership membership(Person person, GroupExternalId group) {
    try {
      Optional<Account> account = account(person);
      if (account.isEmpty() || !GROUP_ID.matcher(group.value()).matches()) {
        return Membership.none();
      }
      return inGroup(account.get(), group) ? Membership.direct() : Membership.none();
    } catch (CallFailed e) {
      throw unavailable(e, "check " + person.id() + " in group " + group.value());
    }
  }

  @Override
  public WriteResult addMember(Person person, GroupExternalId group) {
    return write(true, person, group);
  }

  @Override
  public WriteResult removeMember(Person person, GroupExternalId group) {
    return write(false, person, group);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private WriteResult write(boolean adding, Person person, GroupExternalId group) {
    String action = (adding ? "add " : "remove ") + person.id() + (adding ? " to group " : " from group ")
        + group.value();
    if (!GROUP_ID.matcher(group.value()).matches()) {
      return new WriteResult.Rejected(Refusal.INVALID_CONFIGURATION, "'" + group.value() + "' is not an Okta group "
          + "id; the external ID of a group in " + system.value() + " is its id, e.g. 00g1emaKYZTWRYYRRTSK");
    }
    try {
      Optional<Account> account = account(person);
      if (account.isEmpty()) {
        return new WriteResult.Rejected(Refusal.PERSON_NOT_FOUND, person.id() + " has no account in "
            + system.value() + ": no user with login " + person.id().value() + " or e-mail " + person.email());
      }
      if (inGroup(account.get(), group) == adding) {
        return new WriteResult.AlreadyInState();
      }
      URI uri = api.uri("/api/v1/groups/" + group.value() + "/users/" + account.get().id().value());
      Response response = api.call(adding ? "PUT" : "DELETE", uri);
      if (response.ok()) {
        return new WriteResult.Applied();
      }
      if (response.status() == 404) {
        if (!adding) {
          return new WriteResult.AlreadyInState();
        }
        return new WriteResult.Rejected(Refusal.GROUP_NOT_FOUND, "group " + group.value() + " does not exist in "
            + system.value() + " (" + OktaError.of(response) + ")");
      }
      return api.refusal(response, action);
    } catch (ThrottledException e) {
      return new WriteResult.RetryLater(e.retryAfter(), Why.THROTTLED, e.getMessage());
    } catch (ConnectorRefusedException e) {
      return new WriteResult.Rejected(e.refusal(), e.getMessage());
    } catch (UnavailableException e) {
      return new WriteResult.RetryLater(OktaApi.BACKOFF, e.getMessage());
    } catch (CallFailed e) {
      return new WriteResult.RetryLater(OktaApi.BACKOFF, system.value() + " could not " + action + ": "
          + e.getMessage());
    }
  }

  /** The person's user, by login or e-mail ignoring case; a login match wins over an e-mail match. */
  private Optional<Account> account(Person person) throws CallFailed {
    String login = person.id().value();
    String email = person.email().toLowerCase(Locale.ROOT);
    String search = OktaFilter.or(List.of(OktaFilter.eq("profile.login", login),
        OktaFilter.eq("profile.login", email), OktaFilter.eq("profile.email", email)));
    List<JsonNode> users = api.readAll(api.uri("/api/v1/users?search="
        + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&limit=" + OktaApi.PAGE), "find " + person.id());
    Optional<JsonNode> byLogin = users.stream()
        .filter(u -> !"DEPROVISIONED".equals(u.path("status").asString("")))
        .filter(u -> matches(u.path("profile").path("login"), login) || matches(u.path("profile").path("login"), email))
        .findFirst();
    Optional<JsonNode> user = byLogin.or(() -> users.stream()
        .filter(u -> !"DEPROVISIONED".equals(u.path("status").asString("")))
        .filter(u -> matches(u.path("profile").path("email"), email))
        .findFirst());
    return user.map(u -> new Account(new AccountId(u.path("id").asString()), u.path("profile").path("login").asString()));
  }

  /** True when the user's own groups (every page) include the group. */
  private boolean inGroup(Account account, GroupExternalId group) throws CallFailed {
    List<JsonNode> groups = api.readAll(api.uri("/api/v1/users/" + account.id().value() + "/groups?limit="
        + OktaApi.PAGE), "read the groups of " + account.login());
    return groups.stream().anyMatch(g -> group.value().equals(g.path("id").asString("")));
  }

  private static boolean matches(JsonNode value, String wanted) {
    return value.isString() && value.asString().equalsIgnoreCase(wanted);
  }

  private UnavailableException unavailable(CallFailed e, String action) {
    return new UnavailableException(system.value() + " could not " + action + ": " + e.getMessage(), e);
  }
}
