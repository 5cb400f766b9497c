package dev.sesame.provisioning.entra;

import dev.sesame.provisioning.http.FakeHttpServer;
import dev.sesame.provisioning.http.FakeHttpServer.Answer;
import dev.sesame.provisioning.http.FakeHttpServer.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft Entra ID served over real HTTP, following the Microsoft Graph v1.0 and identity
 * platform references: the client-credentials token endpoint, users filtered by {@code
 * userPrincipalName}/{@code mail}/{@code mailNickname} ({@code eq}, case-insensitive), groups that
 * nest, lists paged with {@code $top} and {@code @odata.nextLink}, {@code checkMemberGroups}
 * (transitive), {@code members/$ref} writes with Graph's own answers (400 "already exist", 404),
 * Graph's error body, and {@code Retry-After} on 429 and 503. It counts every call and fails the
 * next ones on cue.
 */
public final class FakeGraph implements AutoCloseable {

  /** The tenant, app and secret the fake accepts. */
  public static final String TENANT = "6f1c3a52-8a2d-4d4e-9a57-2b1e8c0f0001";
  public static final String CLIENT_ID = "0b5c7e0e-1111-4a4a-8b8b-00000000c1d1";
  public static final String CLIENT_SECRET = "fake-graph-client-secret";

  /** The {@code Retry-After} of a 429, in seconds. */
  public static final int RETRY_AFTER_SECONDS = 7;

  /** Graph's default page size for users and members. */
  static final int PAGE = 100;

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Pattern TERM =
      Pattern.compile("(userPrincipalName|mail|mailNickname) eq '((?:[^']|'')*)'");
  private static final Pattern ADD = Pattern.compile("/v1\\.0/groups/([^/]+)/members/\\$ref");
  private static final Pattern REMOVE = Pattern.compile("/v1\\.0/groups/([^/]+)/members/([^/]+)/\\$ref");

  /** How the fake fails a call. */
  public enum Fault {
    /** 429 TooManyRequests with {@code Retry-After}. */
    THROTTLE,
    /** 503 serviceNotAvailable with {@code Retry-After}. */
    UNAVAILABLE,
    /** 500 generalException, no {@code Retry-After}. */
    SERVER_ERROR,
    /** No answer until {@code slowness} has passed; the call is not carried out. */
    TIMEOUT
  }

  /** One recorded call: method and path with query. */
  public record Call(String method, String path) {}

  private record User(String id, String upn, String mail, String nickname) {}

  private record Script(String method, Pattern path, Fault fault, AtomicInteger left) {}

  private final FakeHttpServer server;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, String> groups = new LinkedHashMap<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final Set<String> tokens = new HashSet<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Script> scripts = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Duration slowness = Duration.ofSeconds(3);
  private volatile Instant now = Instant.parse("2026-12-04T09:00:00Z");

  private FakeGraph() {
    server = FakeHttpServer.start(this::handle);
  }

  /** Starts an empty tenant on a free port. */
  public static FakeGraph start() {
    return new FakeGraph();
  }

  // ---------------------------------------------------------------------------------------------
  // Set-up
  // ---------------------------------------------------------------------------------------------

  /** The base URL, for both {@code authority} and {@code graph-url}. */
  public String url() {
    return server.url();
  }

  /** Adds a user; returns their object id. */
  public synchronized String user(String upn, String mail, String nickname) {
    String id = guid();
    users.put(id, new User(id, upn, mail, nickname));
    return id;
  }

  /** Adds a group; returns its object id. */
  public synchronized String group(String name) {
    String id = guid();
    groups.put(id, name);
    members.put(id, new LinkedHashSet<>());
    return id;
  }

  /** Makes a user or a group a direct member of the group, without counting a call. */
  public synchronized void addMember(String groupId, String objectId) {
    members.get(groupId).add(objectId);
  }

  /** True when the object is a direct member of the group. */
  public synchronized boolean isDirectMember(String groupId, String objectId) {
    return members.getOrDefault(groupId, Set.of()).contains(objectId);
  }

  /** Makes every token issued so far invalid, as if it had expired. */
  public synchronized void expireTokens() {
    tokens.clear();
  }

  /** How long a {@link Fault#TIMEOUT} keeps the caller waiting. */
  public void slowness(Duration slowness) {
    this.slowness = slowness;
  }

  /** Fails the next {@code count} calls of this method whose path (with query) matches {@code pathRegex}. */
  public synchronized void failNext(String method, String pathRegex, Fault fault, int count) {
    scripts.add(new Script(method, Pattern.compile(pathRegex), fault, new AtomicInteger(count)));
  }

  /** Fails the next {@code count} membership writes ({@code members/$ref} POST or DELETE). */
  public void failNextWrites(Fault fault, int count) {
    failNext("POST|DELETE", "/v1\\.0/groups/[^/]+/members/(?:[^/]+/)?\\$ref", fault, count);
  }

  // ---------------------------------------------------------------------------------------------
  // Counts
  // ---------------------------------------------------------------------------------------------

  /** Every call received so far, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Membership writes received, failed ones included. */
  public synchronized int writes() {
    return (int) calls.stream().filter(c -> !c.method().equals("GET") && (ADD.matcher(c.path()).matches()
        || REMOVE.matcher(c.path()).matches())).count();
  }

  /** Reads of a group's member list ({@code members} or {@code transitiveMembers}), pages included. */
  public synchronized int memberListReads() {
    return (int) calls.stream().filter(c -> c.method().equals("GET")
        && c.path().split("\\?")[0].matches("/v1\\.0/groups/[^/]+/(transitiveM|m)embers")).count();
  }

  /** Token requests received. */
  public synchronized int tokenRequests() {
    return count("POST", "/" + TENANT + "/oauth2/v2.0/token");
  }

  /** Calls of this method whose path starts with {@code prefix}. */
  public synchronized int count(String method, String prefix) {
    return (int) calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(prefix)).count();
  }

  @Override
  public void close() {
    server.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Serving
  // ---------------------------------------------------------------------------------------------

  private Answer handle(Request request) {
    Fault fault;
    synchronized (this) {
      calls.add(new Call(request.method(), request.target()));
      fault = scripted(request.method(), request.target());
    }
    if (request.path().endsWith("/oauth2/v2.0/token")) {
      return token(request);
    }
    synchronized (this) {
      if (!tokens.contains(request.header("Authorization").replaceFirst("^Bearer ", ""))) {
        return error(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
      }
    }
    if (fault == Fault.TIMEOUT) {
      sleep(slowness);
      return error(504, "UnknownError", "");
    }
    if (fault == Fault.SERVER_ERROR) {
      return error(500, "generalException", "General exception while processing");
    }
    if (fault == Fault.THROTTLE) {
      return error(429, "TooManyRequests", "Too many requests").header("Retry-After", "" + RETRY_AFTER_SECONDS);
    }
    if (fault == Fault.UNAVAILABLE) {
      return error(503, "serviceNotAvailable", "Service is unavailable").header("Retry-After", "12");
    }
    return route(request);
  }

  private synchronized @Nullable Fault scripted(String method, String target) {
    for (Script script : scripts) {
      if (method.matches(script.method()) && script.path().matcher(target).matches()
          && script.left().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return script.fault();
      }
    }
    return null;
  }

  private synchronized Answer token(Request request) {
    Map<String, String> form = new HashMap<>();
    for (String pair : request.body().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!request.path().equals("/" + TENANT + "/oauth2/v2.0/token")) {
      return tokenError(400, "invalid_tenant", "AADSTS90002: Tenant not found.");
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return tokenError(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
    }
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      return tokenError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
    }
    String token = "eyJ0eXAiOiJKV1QifQ.fake." + ids.incrementAndGet();
    tokens.add(token);
    ObjectNode body = JSON.createObjectNode().put("token_type", "Bearer").put("expires_in", 3599)
        .put("ext_expires_in", 3599).put("access_token", token);
    return answer(200, body);
  }

  private synchronized Answer route(Request request) {
    String method = request.method();
    String path = request.path();
    Map<String, String> query = request.query();
    String[] parts = path.split("/");
    Matcher add = ADD.matcher(path);
    Matcher remove = REMOVE.matcher(path);
    if (method.equals("POST") && add.matches()) {
      String group = add.group(1);
      String member = JSON.readTree(request.body()).path("@odata.id").asString("").replaceFirst(".*/", "");
      if (!groups.containsKey(group)) {
        return notFound(group);
      }
      if (!users.containsKey(member) && !groups.containsKey(member)) {
        return notFound(member);
      }
      if (!members.get(group).add(member)) {
        return error(400, "Request_BadRequest",
            "One or more added object references already exist for the following modified properties: 'members'.");
      }
      return answer(204, null);
    }
    if (method.equals("DELETE") && remove.matches()) {
      String group = remove.group(1);
      if (!groups.containsKey(group) || !members.get(group).remove(remove.group(2))) {
        return notFound(groups.containsKey(group) ? remove.group(2) : group);
      }
      return answer(204, null);
    }
    if (method.equals("POST") && path.matches("/v1\\.0/users/[^/]+/checkMemberGroups")) {
      if (!users.containsKey(parts[3])) {
        return notFound(parts[3]);
      }
      ArrayNode value = JSON.createArrayNode();
      for (JsonNode id : JSON.readTree(request.body()).path("groupIds")) {
        if (transitive(id.asString(), parts[3])) {
          value.add(id.asString());
        }
      }
      ObjectNode body = JSON.createObjectNode();
      body.set("value", value);
      return answer(200, body);
    }
    if (!method.equals("GET")) {
      return error(405, "Request_BadRequest", "Unsupported method");
    }
    if (path.equals("/v1.0/organization")) {
      ObjectNode body = JSON.createObjectNode();
      body.putArray("value").addObject().put("id", TENANT).put("displayName", "Brightwave");
      return answer(200, body);
    }
    if (path.equals("/v1.0/users")) {
      return page(path, query, filterUsers(query.getOrDefault("$filter", "")));
    }
    if (path.matches("/v1\\.0/groups/[^/]+/members")) {
      if (!groups.containsKey(parts[3])) {
        return notFound(parts[3]);
      }
      return page(path, query, members.get(parts[3]).stream().map(this::objectJson).toList());
    }
    if (path.matches("/v1\\.0/groups/[^/]+")) {
      return groups.containsKey(parts[3]) ? answer(200, objectJson(parts[3])) : notFound(parts[3]);
    }
    if (path.matches("/v1\\.0/users/[^/]+")) {
      return users.values().stream().filter(u -> u.id().equals(parts[3]) || u.upn().equalsIgnoreCase(parts[3]))
          .findFirst().map(u -> answer(200, objectJson(u.id()))).orElseGet(() -> notFound(parts[3]));
    }
    return error(400, "BadRequest", "Resource not found for the segment '" + parts[parts.length - 1] + "'.");
  }

  /** True when the user is in the group directly or through nested groups. */
  private boolean transitive(String group, String user) {
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(group));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (!seen.add(next) || !members.containsKey(next)) {
        continue;
      }
      if (members.get(next).contains(user)) {
        return true;
      }
      members.get(next).stream().filter(groups::containsKey).forEach(todo::push);
    }
    return false;
  }

  private List<ObjectNode> filterUsers(String filter) {
    List<String[]> terms = new ArrayList<>();
    Matcher term = TERM.matcher(filter);
    while (term.find()) {
      terms.add(new String[] {term.group(1), term.group(2).replace("''", "'")});
    }
    return users.values().stream()
        .filter(u -> terms.stream().anyMatch(t -> (switch (t[0]) {
          case "userPrincipalName" -> u.upn();
          case "mail" -> u.mail();
          default -> u.nickname();
        }).equalsIgnoreCase(t[1])))
        .map(u -> objectJson(u.id()))
        .toList();
  }

  /** One page from the {@code $skiptoken} offset, with {@code @odata.nextLink} when more follow. */
  private Answer page(String path, Map<String, String> query, List<ObjectNode> items) {
    int top = Math.min(999, Integer.parseInt(query.getOrDefault("$top", String.valueOf(PAGE))));
    int from = Integer.parseInt(query.getOrDefault("$skiptoken", "0").replace("X", ""));
    ObjectNode body = JSON.createObjectNode();
    ArrayNode value = body.putArray("value");
    items.subList(Math.min(from, items.size()), Math.min(from + top, items.size())).forEach(value::add);
    if (from + top < items.size()) {
      StringBuilder next = new StringBuilder(url() + path + "?");
      query.forEach((k, v) -> {
        if (!k.equals("$skiptoken")) {
          next.append(k).append('=').append(GraphApi.encode(v)).append('&');
        }
      });
      body.put("@odata.nextLink", next + "$skiptoken=X" + (from + top));
    }
    return answer(200, body);
  }

  private ObjectNode objectJson(String id) {
    User user = users.get(id);
    if (user != null) {
      return JSON.createObjectNode().put("@odata.type", "#microsoft.graph.user").put("id", id)
          .put("userPrincipalName", user.upn()).put("mail", user.mail()).put("mailNickname", user.nickname());
    }
    return JSON.createObjectNode().put("@odata.type", "#microsoft.graph.group").put("id", id)
        .put("displayName", groups.get(id));
  }

  private Answer notFound(String id) {
    return error(404, "Request_ResourceNotFound",
        "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
  }

  private Answer error(int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("code", code).put("message", message);
    error.putObject("innerError").put("date", now.toString()).put("request-id", guid())
        .put("client-request-id", guid());
    return answer(status, body);
  }

  private Answer tokenError(int status, String error, String description) {
    return answer(status, JSON.createObjectNode().put("error", error).put("error_description", description));
  }

  private Answer answer(int status, @Nullable Object body) {
    Answer answer = Answer.of(status, body == null ? null : JSON.writeValueAsBytes(body))
        .header("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)))
        .header("request-id", guid());
    if (body != null) {
      answer.header("Content-Type", "application/json;odata.metadata=minimal");
    }
    return answer;
  }

  private String guid() {
    return String.format("00000000-0000-4000-8000-%012d", ids.incrementAndGet());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
