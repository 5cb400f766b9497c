package dev.sesame.provisioning.entra;

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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds people to and removes them from Entra ID groups through Microsoft Graph. A group's external
 * ID is its object id (a GUID); a person is found by user principal name, mail or mail nickname,
 * ignoring case, and keyed on their object id.
 *
 * <p>A grant is one {@code POST /groups/{id}/members/$ref}: Graph itself answers "One or more added
 * object references already exist", which is "already a member"; a revoke is one {@code DELETE
 * …/members/{id}/$ref}, whose 404 is "already removed" once the group is known to exist. The
 * membership check is transitive ({@code checkMemberGroups}); Graph does not say through which
 * nested group, so the path is left empty. Thread-safe.
 */
final class EntraConnector implements Connector {

  /** Entra object ids are GUIDs. */
  static final Pattern OBJECT_ID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final String ALREADY_EXISTS = "added object references already exist";

  private final ProvisioningSystemId system;
  private final GraphApi graph;

  EntraConnector(ProvisioningSystemId system, EntraSettings settings, Clock clock) {
    this.system = system;
    this.graph = new GraphApi(system, settings, clock);
  }

  // ---------------------------------------------------------------------------------------------
  // Connector
  // ---------------------------------------------------------------------------------------------

  @Override
  public ConnectionCheck testConnection() {
    String where = system.value() + " (" + graph.graphUrl() + ")";
    try {
      Response org = graph.call("GET", graph.uri("/v1.0/organization?$select=id,displayName"), null);
      if (org.ok()) {
        String name = org.json().path("value").path(0).path("displayName").asString("the tenant");
        return new ConnectionCheck(true, "Connected to " + where + ": " + name);
      }
      return new ConnectionCheck(false, graph.describe(org, "read the organization")
          + (org.status() == 403 ? "; grant the app registration User.Read.All or Organization.Read.All" : ""));
    } catch (ConnectorRefusedException e) {
      return new ConnectionCheck(false, e.getMessage());
    } catch (UnavailableException | CallFailed e) {
      return new ConnectionCheck(false, "Cannot reach " + where + ": " + e.getMessage()
          + "; check authority and graph-url");
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
    if (!OBJECT_ID.matcher(group.value()).matches()) {
      return Optional.empty();
    }
    try {
      Response response = graph.call("GET", graph.uri("/v1.0/groups/" + group.value() + "?$select=id,displayName"),
          null);
      if (response.status() == 404) {
        return Optional.empty();
      }
      graph.requireOk(response, "read group " + group.value());
      return Optional.of(new GroupInfo(group, response.json().path("displayName").asString(group.value())));
    } catch (CallFailed e) {
      throw unavailable(e, "read group " + group.value());
    }
  }

  @Override
  public boolean isMember(Person person, GroupExternalId group) {
    return membership(person, group).member();
  }

  /** Transitive, from {@code POST /users/{id}/checkMemberGroups}; Graph does not say the path. */
  @Override
  public Membership membership(Person person, GroupExternalId group) {
    if (!OBJECT_ID.matcher(group.value()).matches()) {
      return Membership.none();
    }
    try {
      Optional<Account> account = account(person);
      if (account.isEmpty()) {
        return Membership.none();
      }
      ObjectNode body = JSON.createObjectNode();
      body.putArray("groupIds").add(group.value());
      String action = "check " + person.id() + " in group " + group.value();
      Response response = graph.call("POST", graph.uri("/v1.0/users/" + account.get().id().value()
          + "/checkMemberGroups"), JSON.writeValueAsString(body));
      if (response.status() == 404) {
        return Membership.none();
      }
      graph.requireOk(response, action);
      for (JsonNode id : response.json().path("value")) {
        if (id.asString("").equalsIgnoreCase(group.value())) {
          return Membership.direct();
        }
      }
      return Membership.none();
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
    if (!OBJECT_ID.matcher(group.value()).matches()) {
      return new WriteResult.Rejected(Refusal.INVALID_CONFIGURATION, "'" + group.value() + "' is not an Entra "
          + "object id; the external ID of a group in " + system.value() + " is its Object ID (a GUID)");
    }
    try {
      Optional<Account> account = account(person);
      if (account.isEmpty()) {
        return new WriteResult.Rejected(Refusal.PERSON_NOT_FOUND, person.id() + " has no account in "
            + system.value() + ": no user with user principal name or mail " + person.email()
            + " or mail nickname " + person.id().value());
      }
      String user = account.get().id().value();
      Response response;
      if (adding) {
        ObjectNode ref = JSON.createObjectNode().put("@odata.id", graph.graphUrl() + "/v1.0/directoryObjects/" + user);
        response = graph.call("POST", graph.uri("/v1.0/groups/" + group.value() + "/members/$ref"),
            JSON.writeValueAsString(ref));
      } else {
        response = graph.call("DELETE", graph.uri("/v1.0/groups/" + group.value() + "/members/" + user + "/$ref"),
            null);
      }
      if (response.ok()) {
        return new WriteResult.Applied();
      }
      if (adding && response.status() == 400
          && GraphError.of(response).message().toLowerCase(Locale.ROOT).contains(ALREADY_EXISTS)) {
        return new WriteResult.AlreadyInState();
      }
      if (response.status() == 404) {
        // NB. Graph answers 404 both for "not a member" and "no such group": ask which, only now.
        if (!adding && findGroup(group).isPresent()) {
          return new WriteResult.AlreadyInState();
        }
        return new WriteResult.Rejected(Refusal.GROUP_NOT_FOUND, "group " + group.value() + " does not exist in "
            + system.value() + " (" + GraphError.of(response) + ")");
      }
      return graph.refusal(response, action);
    } catch (ThrottledException e) {
      return new WriteResult.RetryLater(e.retryAfter(), Why.THROTTLED, e.getMessage());
    } catch (ConnectorRefusedException e) {
      return new WriteResult.Rejected(e.refusal(), e.getMessage());
    } catch (UnavailableException e) {
      return new WriteResult.RetryLater(GraphApi.BACKOFF, e.getMessage());
    } catch (CallFailed e) {
      return new WriteResult.RetryLater(GraphApi.BACKOFF, system.value() + " could not " + action + ": "
          + e.getMessage());
    }
  }

  /**
   * The person's user: one filtered read for user principal name, mail or mail nickname. A match
   * on the principal name wins, then mail, then the nickname.
   */
  private Optional<Account> account(Person person) throws CallFailed {
    String email = person.email().toLowerCase(Locale.ROOT);
    String login = person.id().value();
    String filter = GraphFilter.or(List.of(GraphFilter.eq("userPrincipalName", email), GraphFilter.eq("mail", email),
        GraphFilter.eq("mailNickname", login)));
    List<JsonNode> users = graph.readAll(graph.uri("/v1.0/users?$filter=" + GraphApi.encode(filter)
        + "&$select=id,userPrincipalName,mail,mailNickname"), "find " + person.id());
    return users.stream()
        .filter(u -> rank(u, email, login) < 3)
        .min(Comparator.comparingInt(u -> rank(u, email, login)))
        .map(u -> new Account(new AccountId(u.path("id").asString()), u.path("userPrincipalName").asString("")));
  }

  private static int rank(JsonNode user, String email, String login) {
    if (user.path("userPrincipalName").asString("").equalsIgnoreCase(email)) {
      return 0;
    }
    if (user.path("mail").asString("").equalsIgnoreCase(email)) {
      return 1;
    }
    return user.path("mailNickname").asString("").equalsIgnoreCase(login) ? 2 : 3;
  }

  private UnavailableException unavailable(CallFailed e, String action) {
    return new UnavailableException(system.value() + " could not " + action + ": " + e.getMessage(), e);
  }
}
