package dev.sesame.provisioning.scim;

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
import dev.sesame.provisioning.scim.ScimSettings.MembershipCheck;
import dev.sesame.provisioning.scim.ScimSettings.RemoveStyle;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds people to and removes them from groups of a SCIM 2.0 server (RFC 7643/7644). A group's
 * external ID is its SCIM {@code id}; a person is found by {@code userName} (their e-mail, then
 * their login), falling back to {@code emails.value}, ignoring case, and keyed on their {@code id}.
 *
 * <p>A grant is one {@code PATCH /Groups/{id}} adding one member; a revoke one {@code PATCH}
 * removing that member with a filtered path {@code members[value eq "…"]} — NB. never a bare
 * {@code remove} of {@code members}, which RFC 7644 §3.5.2.2 defines as emptying the group. For
 * servers that reject filtered paths the {@code value-list-when-rejected} style sends {@code
 * path=members} with
 * the one value, but only after the server has rejected the filtered path (an RFC server would empty
 * the group for that form). SCIM answers a repeated add or remove with success without saying "already", so
 * the connector reads the membership first (never the member list) to report it truthfully.
 * Thread-safe.
 */
final class ScimConnector implements Connector {

  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private static final JsonMapper JSON = JsonMapper.shared();

  private final ProvisioningSystemId system;
  private final ScimSettings settings;
  private final ScimApi scim;
  private final AtomicBoolean filteredPathRejected = new AtomicBoolean();

  ScimConnector(ProvisioningSystemId system, ScimSettings settings, Clock clock) {
    this.system = system;
    this.settings = settings;
    this.scim = new ScimApi(system, settings, clock);
  }

  @Override
  public ConnectionCheck testConnection() {
    String where = system.value() + " (" + scim.baseUrl() + ")";
    try {
      // NB. /ServiceProviderConfig needs no rights on some servers: a one-user read proves the token.
      Response users = scim.call("GET", scim.uri("/Users?count=1&attributes=id"), null);
      if (users.ok()) {
        return new ConnectionCheck(true, "Connected to " + where + ": "
            + users.json().path("totalResults").asLong(0) + " users");
      }
      return new ConnectionCheck(false, scim.describe(users, "list users")
          + (users.status() == 401 ? "; check bearer-token" : ""));
    } catch (CallFailed e) {
      return new ConnectionCheck(false, "Cannot reach " + where + ": " + e.getMessage() + "; check base-url");
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
    try {
      Response response = scim.call("GET", groupUri(group), null);
      if (response.status() == 404) {
        return Optional.empty();
      }
      scim.requireOk(response, "read group " + group.value());
      return Optional.of(new GroupInfo(group, response.json().path("displayName").asString(group.value())));
    } catch (CallFailed e) {
      throw unavailable(e, "read group " + group.value());
    }
  }

  @Override
  public boolean isMember(Person person, GroupExternalId group) {
    return membership(person, group).member();
  }

  @Override
  public Membership membership(Person person, GroupExternalId group) {
    try {
      Optional<Account> account = account(person);
      return account.isPresent() && member(account.get(), group) ? Membership.direct() : Membership.none();
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
    try {
      Optional<Account> account = account(person);
      if (account.isEmpty()) {
        return new WriteResult.Rejected(Refusal.PERSON_NOT_FOUND, person.id() + " has no account in "
            + system.value() + ": no user with userName " + person.email() + " or " + person.id().value()
            + " or e-mail " + person.email());
      }
      boolean member = member(account.get(), group);
      if (member == adding) {
        // NB. "not a member" is also the answer for a missing group: tell the two apart, only now.
        return adding || findGroup(group).isPresent() ? new WriteResult.AlreadyInState()
            : missingGroup(group, "no such group");
      }
      String user = account.get().id().value();
      boolean valueList = !adding && filteredPathRejected.get();
      Response response = patch(group, adding ? addBody(user) : removeBody(user, valueList));
      ScimError error = ScimError.of(response);
      if (!adding && !valueList && rejectsFilteredPath(response, error)
          && settings.removeStyle() == RemoveStyle.VALUE_LIST_WHEN_REJECTED) {
        // NB. only a server that rejected the filtered path ever gets the value-list form.
        filteredPathRejected.set(true);
        response = patch(group, removeBody(user, true));
        error = ScimError.of(response);
      }
      if (response.ok()) {
        return new WriteResult.Applied();
      }
      if (!adding && response.status() == 400 && error.scimType().equals("noTarget")) {
        return new WriteResult.AlreadyInState();
      }
      if (adding && response.status() == 409) {
        return new WriteResult.AlreadyInState();
      }
      if (response.status() == 404) {
        return missingGroup(group, error.toString());
      }
      if (!adding && rejectsFilteredPath(response, error)) {
        return new WriteResult.Rejected(Refusal.INVALID_CONFIGURATION, scim.describe(response, action)
            + "; if this server rejects filtered remove paths, set remove-style to value-list-when-rejected");
      }
      return scim.refusal(response, action);
    } catch (ThrottledException e) {
      return new WriteResult.RetryLater(e.retryAfter(), Why.THROTTLED, e.getMessage());
    } catch (ConnectorRefusedException e) {
      return new WriteResult.Rejected(e.refusal(), e.getMessage());
    } catch (UnavailableException e) {
      return new WriteResult.RetryLater(ScimApi.BACKOFF, e.getMessage());
    } catch (CallFailed e) {
      return new WriteResult.RetryLater(ScimApi.BACKOFF, system.value() + " could not " + action + ": "
          + e.getMessage());
    }
  }

  private WriteResult missingGroup(GroupExternalId group, String detail) {
    return new WriteResult.Rejected(Refusal.GROUP_NOT_FOUND, "group " + group.value() + " does not exist in "
        + system.value() + " (" + detail + ")");
  }

  /** {@code add} of one member: {@code {"op":"add","path":"members","value":[{"value":id}]}}. */
  private String addBody(String user) {
    ObjectNode body = patchBody();
    ObjectNode op = ((ArrayNode) body.get("Operations")).addObject().put("op", settings.opCase().op("add"))
        .put("path", "members");
    op.putArray("value").addObject().put("value", user);
    return JSON.writeValueAsString(body);
  }

  private Response patch(GroupExternalId group, String body) throws CallFailed {
    return scim.call("PATCH", scim.uri("/Groups/" + ScimApi.encode(group.value())), body);
  }

  /** A 400 that is not "no such member": the server does not take the filtered path. */
  private static boolean rejectsFilteredPath(Response response, ScimError error) {
    return response.status() == 400 && !error.scimType().equals("noTarget");
  }

  /** {@code remove} of one member; NB. always names the member, never a bare {@code members}. */
  private String removeBody(String user, boolean valueList) {
    ObjectNode body = patchBody();
    ObjectNode op = ((ArrayNode) body.get("Operations")).addObject().put("op", settings.opCase().op("remove"));
    if (!valueList) {
      op.put("path", "members[" + ScimFilter.eq("value", user) + "]");
    } else {
      op.put("path", "members").putArray("value").addObject().put("value", user);
    }
    return JSON.writeValueAsString(body);
  }

  private static ObjectNode patchBody() {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add(PATCH_OP);
    body.putArray("Operations");
    return body;
  }

  /** Direct membership, without reading the group's member list. */
  private boolean member(Account account, GroupExternalId group) throws CallFailed {
    String user = account.id().value();
    String action = "check " + account.login() + " in group " + group.value();
    if (settings.membershipCheck() == MembershipCheck.USER_GROUPS) {
      Response response = scim.call("GET", scim.uri("/Users/" + ScimApi.encode(user) + "?attributes=groups"), null);
      if (response.status() == 404) {
        return false;
      }
      scim.requireOk(response, action);
      for (JsonNode g : response.json().path("groups")) {
        if (g.path("value").asString("").equals(group.value())) {
          return true;
        }
      }
      return false;
    }
    String filter = ScimFilter.eq("id", group.value()) + " and members[" + ScimFilter.eq("value", user) + "]";
    Response response = scim.call("GET", scim.uri("/Groups?filter=" + ScimApi.encode(filter)
        + "&excludedAttributes=members&count=1"), null);
    scim.requireOk(response, action);
    JsonNode body = response.json();
    return body.path("totalResults").asLong(0) > 0 || !body.path("Resources").isEmpty();
  }

  /**
   * The person's user: {@code userName eq} the e-mail, then the login, then {@code emails.value eq}
   * the e-mail; the first that finds someone wins. The server compares case-insensitively
   * ({@code userName} is not case-exact), and so does this.
   */
  private Optional<Account> account(Person person) throws CallFailed {
    Set<String> filters = new LinkedHashSet<>(List.of(ScimFilter.eq("userName", person.email()),
        ScimFilter.eq("userName", person.id().value()), ScimFilter.eq("emails.value", person.email())));
    for (String filter : filters) {
      List<JsonNode> users = scim.readAll("/Users", "filter=" + ScimApi.encode(filter)
          + "&attributes=id,userName,emails", "find " + person.id());
      Optional<Account> found = users.stream()
          .filter(u -> matches(u, person))
          .findFirst()
          .map(u -> new Account(new AccountId(u.path("id").asString()), u.path("userName").asString("")));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static boolean matches(JsonNode user, Person person) {
    String name = user.path("userName").asString("");
    if (name.equalsIgnoreCase(person.email()) || name.equalsIgnoreCase(person.id().value())) {
      return true;
    }
    for (JsonNode email : user.path("emails")) {
      if (email.path("value").asString("").equalsIgnoreCase(person.email())) {
        return true;
      }
    }
    return false;
  }

  private java.net.URI groupUri(GroupExternalId group) {
    return scim.uri("/Groups/" + ScimApi.encode(group.value()) + "?excludedAttributes=members");
  }

  private UnavailableException unavailable(CallFailed e, String action) {
    return new UnavailableException(system.value() + " could not " + action + ": " + e.getMessage(), e);
  }
}
