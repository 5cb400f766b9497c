package dev.sesame.provisioning.google;

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
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds people to and removes them from Google Workspace groups through the Admin SDK Directory API.
 * A group's external ID is its group key: the group's e-mail address (or an alias) or its unique
 * id; a person is found by their e-mail as user key (Google resolves aliases, ignoring case) and
 * keyed on their immutable user id.
 *
 * <p>A grant is one {@code members.insert} ({@code POST …/groups/{groupKey}/members}; 409
 * "duplicate" is "already a member"); a revoke one {@code members.delete} ({@code DELETE
 * …/members/{memberKey}}), whose 404 is "already removed" once the group is known to exist. The
 * membership check is {@code members.hasMember}, which is transitive through nested groups; Google
 * does not say through which group, so the path is left empty. Thread-safe.
 */
final class GoogleConnector implements Connector {

  /** A group key: an e-mail address, or a unique id (letters and digits). */
  static final Pattern GROUP_KEY = Pattern.compile("[^@\\s/?#]+@[^@\\s/?#]+\\.[^@\\s/?#]+|[0-9A-Za-z]+");

  private static final JsonMapper JSON = JsonMapper.shared();

  private final ProvisioningSystemId system;
  private final GoogleSettings settings;
  private final GoogleApi google;

  GoogleConnector(ProvisioningSystemId system, GoogleSettings settings, Clock clock) {
    this.system = system;
    this.settings = settings;
    this.google = new GoogleApi(system, settings, clock);
  }

  @Override
  public ConnectionCheck testConnection() {
    String where = system.value() + " (" + google.apiUrl() + ")";
    try {
      Response admin = google.call("GET", google.uri("/users/" + GoogleApi.encode(settings.adminEmail())
          + "?fields=id,primaryEmail,customerId"), null);
      if (admin.ok()) {
        return new ConnectionCheck(true, "Connected to " + where + " as " + settings.adminEmail());
      }
      return new ConnectionCheck(false, google.describe(admin, "read admin " + settings.adminEmail()));
    } catch (ConnectorRefusedException e) {
      return new ConnectionCheck(false, e.getMessage());
    } catch (UnavailableException | CallFailed e) {
      return new ConnectionCheck(false, "Cannot reach " + where + ": " + e.getMessage() + "; check auth-url and api-url");
    }
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.NESTED_GROUPS, Capability.FIND_BY_EMAIL, Capability.RATE_LIMIT_HINTS);
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
    if (!GROUP_KEY.matcher(group.value()).matches()) {
      return Optional.empty();
    }
    try {
      Response response = google.call("GET", google.uri("/groups/" + GoogleApi.encode(group.value())
          + "?fields=id,email,name"), null);
      if (response.status() == 404) {
        return Optional.empty();
      }
      google.requireOk(response, "read group " + group.value());
      return Optional.of(new GroupInfo(group, response.json().path("name").asString(group.value())));
    } catch (CallFailed e) {
      throw unavailable(e, "read group " + group.value());
    }
  }

  @Override
  public boolean isMember(Person person, GroupExternalId group) {
    return membership(person, group).member();
  }

  /** Transitive, from {@code members.hasMember}; Google does not say the path. */
  @Override
  public Membership membership(Person person, GroupExternalId group) {
    if (!GROUP_KEY.matcher(group.value()).matches()) {
      return Membership.none();
    }
    try {
      Optional<Account> account = account(person);
      if (account.isEmpty()) {
        return Membership.none();
      }
      Response response = google.call("GET", google.uri("/groups/" + GoogleApi.encode(group.value()) + "/hasMember/"
          + GoogleApi.encode(account.get().id().value())), null);
      if (response.status() == 404) {
        return Membership.none();
      }
      google.requireOk(response, "check " + person.id() + " in group " + group.value());
      return response.json().path("isMember").asBoolean(false) ? Membership.direct() : Membership.none();
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
    if (!GROUP_KEY.matcher(group.value()).matches()) {
      return new WriteResult.Rejected(Refusal.INVALID_CONFIGURATION, "'" + group.value() + "' is not a Google group "
          + "key; the external ID of a group in " + system.value() + " is its e-mail address or unique id");
    }
    try {
      Optional<Account> account = account(person);
      if (account.isEmpty()) {
        return new WriteResult.Rejected(Refusal.PERSON_NOT_FOUND, person.id() + " has no account in "
            + system.value() + ": no user " + person.email());
      }
      String members = "/groups/" + GoogleApi.encode(group.value()) + "/members";
      Response response;
      if (adding) {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("email", account.get().login())
            .put("role", "MEMBER"));
        response = google.call("POST", google.uri(members), body);
      } else {
        response = google.call("DELETE", google.uri(members + "/" + GoogleApi.encode(account.get().id().value())),
            null);
      }
      if (response.ok()) {
        return new WriteResult.Applied();
      }
      GoogleError error = GoogleError.of(response);
      if (adding && response.status() == 409) {
        return new WriteResult.AlreadyInState();
      }
      if (response.status() == 404) {
        // NB. Google answers 404 both for "not a member" and "no such group": ask which, only now.
        if (!adding && findGroup(group).isPresent()) {
          return new WriteResult.AlreadyInState();
        }
        return new WriteResult.Rejected(Refusal.GROUP_NOT_FOUND, "group " + group.value() + " does not exist in "
            + system.value() + " (" + error + ")");
      }
      return google.refusal(response, action);
    } catch (ThrottledException e) {
      return new WriteResult.RetryLater(e.retryAfter(), Why.THROTTLED, e.getMessage());
    } catch (ConnectorRefusedException e) {
      return new WriteResult.Rejected(e.refusal(), e.getMessage());
    } catch (UnavailableException e) {
      return new WriteResult.RetryLater(GoogleApi.BACKOFF, e.getMessage());
    } catch (CallFailed e) {
      return new WriteResult.RetryLater(GoogleApi.BACKOFF, system.value() + " could not " + action + ": "
          + e.getMessage());
    }
  }

  /** The person's user: {@code users.get} with their e-mail as user key (aliases resolve); empty on 404. */
  private Optional<Account> account(Person person) throws CallFailed {
    Response response = google.call("GET", google.uri("/users/" + GoogleApi.encode(person.email())
        + "?fields=id,primaryEmail"), null);
    if (response.status() == 404) {
      return Optional.empty();
    }
    google.requireOk(response, "find " + person.id());
    return Optional.of(new Account(new AccountId(response.json().path("id").asString()),
        response.json().path("primaryEmail").asString(person.email())));
  }

  private UnavailableException unavailable(CallFailed e, String action) {
    return new UnavailableException(system.value() + " could not " + action + ": " + e.getMessage(), e);
  }
}
