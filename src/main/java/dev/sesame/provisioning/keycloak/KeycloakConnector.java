package dev.sesame.provisioning.keycloak;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Adds people to and removes them from groups of one Keycloak realm through the admin REST API. A
 * group's external ID is its id (a UUID); a person is found by username (their login), then by
 * e-mail, exactly and ignoring case, and keyed on their user id.
 *
 * <p>A grant is one {@code PUT /admin/realms/{realm}/users/{userId}/groups/{groupId}}, a revoke one
 * {@code DELETE} of the same path; Keycloak answers 204 to both whether or not anything changed, so
 * the connector reads the person's own groups first ({@code GET …/users/{id}/groups}, paged with
 * {@code first}/{@code max} to the end — never the group's member list) to report "already"
 * truthfully. Membership is direct: Keycloak lets subgroup members inherit a parent's roles but
 * does not make them its members. Thread-safe.
 */
final class KeycloakConnector implements Connector {

  static final Pattern GROUP_ID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final ProvisioningSystemId system;
  private final KeycloakApi keycloak;

  KeycloakConnector(ProvisioningSystemId system, KeycloakSettings settings, Clock clock) {
    this.system = system;
    this.keycloak = new KeycloakApi(system, settings, clock);
  }

  @Override
  public ConnectionCheck testConnection() {
    try {
      Response count = keycloak.call("GET", keycloak.uri("/users/count"), null);
      if (count.ok()) {
        return new ConnectionCheck(true, "Connected to " + keycloak.where() + ": " + count.body().trim() + " users");
      }
      return new ConnectionCheck(false, keycloak.describe(count, "count users")
          + (count.status() == 403 ? "; give the client's service account the realm-management role view-users" : ""));
    } catch (ConnectorRefusedException e) {
      return new ConnectionCheck(false, e.getMessage());
    } catch (UnavailableException | CallFailed e) {
      return new ConnectionCheck(false, "Cannot reach " + keycloak.where() + ": " + e.getMessage() + "; check base-url");
    }
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.FIND_BY_EMAIL);
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
      Response response = keycloak.call("GET", keycloak.uri("/groups/" + group.value()), null);
      if (response.status() == 404) {
        return Optional.empty();
      }
      keycloak.requireOk(response, "read group " + group.value());
      JsonNode body = response.json();
      return Optional.of(new GroupInfo(group, body.path("path").asString(body.path("name").asString(group.value()))));
    } catch (CallFailed e) {
      throw unavailable(e, "read group " + group.value());
    }
  }

  @Override
  public boolean isMember(Person person, GroupExternalId group) {
    if (!GROUP_ID.matcher(group.value()).matches()) {
      return false;
    }
    try {
      Optional<Account> account = account(person);
      return account.isPresent() && member(account.get(), group);
    } catch (CallFailed e) {
      throw unavailable(e, "check " + person.id() + " in group " + group.value());
    }
  }

  @Override
  public Membership membership(Person person, GroupExternalId group) {
    return isMember(person, group) ? Membership.direct() : Membership.none();
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
      return new WriteResult.Rejected(Refusal.INVALID_CONFIGURATION, "'" + group.value() + "' is not a Keycloak "
          + "group id; the external ID of a group in " + system.value() + " is its id (a UUID, in the group's URL)");
    }
    try {
      Optional<Account> account = account(person);
      if (account.isEmpty()) {
        return new WriteResult.Rejected(Refusal.PERSON_NOT_FOUND, person.id() + " has no account in "
            + system.value() + ": no user with username " + person.id().value() + " or e-mail " + person.email());
      }
      if (member(account.get(), group) == adding) {
        // NB. "not in the person's groups" is also the answer for a missing group: tell them apart, only now.
        return adding || findGroup(group).isPresent() ? new WriteResult.AlreadyInState()
            : missingGroup(group, "no such group");
      }
      Response response = keycloak.call(adding ? "PUT" : "DELETE", keycloak.uri("/users/"
          + KeycloakApi.encode(account.get().id().value()) + "/groups/" + group.value()), null);
      if (response.ok()) {
        return new WriteResult.Applied();
      }
      if (response.status() == 404) {
        return missingGroup(group, KeycloakError.of(response).toString());
      }
      return keycloak.refusal(response, action);
    } catch (ThrottledException e) {
      return new WriteResult.RetryLater(e.retryAfter(), Why.THROTTLED, e.getMessage());
    } catch (ConnectorRefusedException e) {
      return new WriteResult.Rejected(e.refusal(), e.getMessage());
    } catch (UnavailableException e) {
      return new WriteResult.RetryLater(KeycloakApi.BACKOFF, e.getMessage());
    } catch (CallFailed e) {
      return new WriteResult.RetryLater(KeycloakApi.BACKOFF, system.value() + " could not " + action + ": "
          + e.getMessage());
    }
  }

  private WriteResult missingGroup(GroupExternalId group, String detail) {
    return new WriteResult.Rejected(Refusal.GROUP_NOT_FOUND, "group " + group.value() + " does not exist in "
        + system.value() + " (" + detail + ")");
  }

  /** The person's direct groups, read to the end, contain the group. */
  private boolean member(Account account, GroupExternalId group) throws CallFailed {
    List<JsonNode> groups = keycloak.readAll("/users/" + KeycloakApi.encode(account.id().value())
        + "/groups?briefRepresentation=true", "read the groups of " + account.login());
    return groups.stream().anyMatch(g -> g.path("id").asString("").equalsIgnoreCase(group.value()));
  }

  /** {@code username=<login>&exact=true}, then {@code email=<e-mail>&exact=true}; compared ignoring case. */
  private Optional<Account> account(Person person) throws CallFailed {
    String login = person.id().value();
    for (String query : List.of("username=" + KeycloakApi.encode(login), "email=" + KeycloakApi.encode(person.email()))) {
      List<JsonNode> users = keycloak.readAll("/users?" + query + "&exact=true&briefRepresentation=true",
          "find " + person.id());
      Optional<Account> found = users.stream()
          .filter(u -> u.path("username").asString("").equalsIgnoreCase(login)
              || u.path("email").asString("").equalsIgnoreCase(person.email()))
          .findFirst()
          .map(u -> new Account(new AccountId(u.path("id").asString()), u.path("username").asString("")));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private UnavailableException unavailable(CallFailed e, String action) {
    return new UnavailableException(system.value() + " could not " + action + ": " + e.getMessage(), e);
  }
}
