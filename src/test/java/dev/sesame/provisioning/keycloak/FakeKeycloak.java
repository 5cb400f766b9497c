package dev.sesame.provisioning.keycloak;

import dev.sesame.provisioning.http.FakeHttpServer;
import dev.sesame.provisioning.http.FakeHttpServer.Answer;
import dev.sesame.provisioning.http.FakeHttpServer.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Keycloak realm served over real HTTP, following the Keycloak admin REST API and OpenID
 * Connect references: the realm's client-credentials token endpoint, {@code users?username=…&exact=true}
 * and {@code email=…} (usernames and e-mails stored in lower case, as Keycloak does), {@code
 * users/count}, {@code users/{id}/groups} paged with {@code first}/{@code max}, {@code PUT} and
 * {@code DELETE users/{id}/groups/{groupId}} (204 whether or not anything changed), {@code
 * groups/{id}}, {@code groups/{id}/members} (counted as a member-list read), Keycloak's {@code
 * {"error": …}} bodies, and 429/503 with {@code Retry-After} as a proxy in front would send. It
 * counts every call and fails the next ones on cue.
 */
public final class FakeKeycloak implements AutoCloseable {

  public static final String REALM = "brightwave";
  public static final String CLIENT_ID = "sesame-provisioning";
  public static final String CLIENT_SECRET = "fake-keycloak-client-secret";
  public static final int RETRY_AFTER_SECONDS = 13;

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final String ADMIN = "/admin/realms/" + REALM;
  private static final Pattern WRITE = Pattern.compile(ADMIN + "/users/[^/]+/groups/[^/]+");

  public enum Fault { THROTTLE, UNAVAILABLE, SERVER_ERROR, TIMEOUT }

  public record Call(String method, String path) {}

  private record User(String id, String username, String email) {}

  private record Script(String method, Pattern path, Fault fault, AtomicInteger left) {}

  private final FakeHttpServer server;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, String> groups = new LinkedHashMap<>();
  private final Map<String, Set<String>> groupsOf = new HashMap<>();
  private final Set<String> tokens = new HashSet<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Script> scripts = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Duration slowness = Duration.ofSeconds(3);

  private FakeKeycloak() {
    server = FakeHttpServer.start(this::handle);
  }

  public static FakeKeycloak start() {
    return new FakeKeycloak();
  }

  public String url() {
    return server.url();
  }

  public synchronized String user(String username, String email) {
    String id = uuid();
    users.put(id, new User(id, username.toLowerCase(Locale.ROOT), email.toLowerCase(Locale.ROOT)));
    groupsOf.put(id, new LinkedHashSet<>());
    return id;
  }

  public synchronized String group(String name) {
    String id = uuid();
    groups.put(id, name);
    return id;
  }

  public synchronized void addMember(String group, String user) {
    groupsOf.get(user).add(group);
  }

  public synchronized Set<String> groupsOf(String user) {
    return Set.copyOf(groupsOf.get(user));
  }

  public synchronized void expireTokens() {
    tokens.clear();
  }

  public void slowness(Duration slowness) {
    this.slowness = slowness;
  }

  /** Fails the next {@code count} calls of this method whose path with query matches {@code pathRegex}. */
  public synchronized void failNext(String method, String pathRegex, Fault fault, int count) {
    scripts.add(new Script(method, Pattern.compile(pathRegex), fault, new AtomicInteger(count)));
  }

  public void failNextWrites(Fault fault, int count) {
    failNext("PUT|DELETE", WRITE.pattern(), fault, count);
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized int writes() {
    return (int) calls.stream().filter(c -> (c.method().equals("PUT") || c.method().equals("DELETE"))
        && WRITE.matcher(c.path().split("\\?")[0]).matches()).count();
  }

  public synchronized int memberListReads() {
    return (int) calls.stream().filter(c -> c.method().equals("GET")
        && c.path().split("\\?")[0].matches(ADMIN + "/groups/[^/]+/members")).count();
  }

  /** Pages of a user's groups served. */
  public synchronized int userGroupPages() {
    return (int) calls.stream().filter(c -> c.method().equals("GET")
        && c.path().split("\\?")[0].matches(ADMIN + "/users/[^/]+/groups")).count();
  }

  public synchronized int tokenRequests() {
    return (int) calls.stream().filter(c -> c.path().endsWith("/protocol/openid-connect/token")).count();
  }

  @Override
  public void close() {
    server.close();
  }

  // --- serving ---------------------------------------------------------------------------------

  private Answer handle(Request request) {
    Fault fault;
    synchronized (this) {
      calls.add(new Call(request.method(), request.target()));
      fault = scripted(request.method(), request.target());
    }
    if (request.path().endsWith("/protocol/openid-connect/token")) {
      return token(request);
    }
    synchronized (this) {
      if (!tokens.contains(request.header("Authorization").replaceFirst("^Bearer ", ""))) {
        return error(401, "HTTP 401 Unauthorized");
      }
    }
    if (fault == Fault.TIMEOUT) {
      sleep(slowness);
      return error(504, "timeout");
    }
    if (fault == Fault.SERVER_ERROR) {
      return error(500, "unknown_error");
    }
    if (fault == Fault.THROTTLE) {
      return error(429, "Too Many Requests").header("Retry-After", "" + RETRY_AFTER_SECONDS);
    }
    if (fault == Fault.UNAVAILABLE) {
      return error(503, "Service Unavailable").header("Retry-After", "12");
    }
    return route(request);
  }

  private synchronized @Nullable Fault scripted(String method, String path) {
    for (Script script : scripts) {
      if (method.matches(script.method()) && script.path().matcher(path).matches()
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
        form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!request.path().equals("/realms/" + REALM + "/protocol/openid-connect/token")) {
      return error(404, "Realm does not exist");
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return tokenError(400, "unsupported_grant_type", "Unsupported grant_type");
    }
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      return tokenError(401, "unauthorized_client", "Invalid client or Invalid client credentials");
    }
    String token = "eyJhbGciOiJSUzI1NiJ9.fake." + ids.incrementAndGet();
    tokens.add(token);
    return answer(200, JSON.createObjectNode().put("access_token", token).put("expires_in", 300)
        .put("refresh_expires_in", 0).put("token_type", "Bearer").put("not-before-policy", 0)
        .put("scope", "profile email"));
  }

  private synchronized Answer route(Request request) {
    String path = request.path();
    if (!path.startsWith(ADMIN + "/")) {
      return error(404, path.startsWith("/admin/realms/") ? "Realm not found." : "HTTP 404 Not Found");
    }
    String[] parts = path.substring(ADMIN.length() + 1).split("/");
    for (int i = 0; i < parts.length; i++) {
      parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
    }
    String method = request.method();
    Map<String, String> query = request.query();
    if (parts[0].equals("users") && parts.length == 1 && method.equals("GET")) {
      boolean exact = "true".equals(query.get("exact"));
      List<ObjectNode> found = users.values().stream()
          .filter(u -> matches(u.username(), query.get("username"), exact) && matches(u.email(), query.get("email"), exact))
          .map(this::userJson).toList();
      return page(query, found);
    }
    if (parts[0].equals("users") && parts.length == 2 && parts[1].equals("count")) {
      return answer(200, JSON.getNodeFactory().numberNode(users.size()));
    }
    if (parts[0].equals("users") && parts.length >= 3 && parts[2].equals("groups")) {
      if (!users.containsKey(parts[1])) {
        return error(404, "User not found");
      }
      if (parts.length == 3 && method.equals("GET")) {
        return page(query, groupsOf.get(parts[1]).stream().map(this::groupJson).toList());
      }
      if (parts.length == 4 && (method.equals("PUT") || method.equals("DELETE"))) {
        if (!groups.containsKey(parts[3])) {
          return error(404, "Group not found");
        }
        if (method.equals("PUT")) {
          groupsOf.get(parts[1]).add(parts[3]);
        } else {
          groupsOf.get(parts[1]).remove(parts[3]);
        }
        return answer(204, null);
      }
    }
    if (parts[0].equals("groups") && parts.length >= 2 && method.equals("GET")) {
      if (!groups.containsKey(parts[1])) {
        return error(404, "Could not find group by id");
      }
      if (parts.length == 2) {
        return answer(200, groupJson(parts[1]).put("subGroupCount", 0));
      }
      if (parts[2].equals("members")) {
        return page(query, users.values().stream().filter(u -> groupsOf.get(u.id()).contains(parts[1]))
            .map(this::userJson).toList());
      }
    }
    return error(404, "HTTP 404 Not Found");
  }

  private static boolean matches(String value, @Nullable String wanted, boolean exact) {
    if (wanted == null) {
      return true;
    }
    String w = wanted.toLowerCase(Locale.ROOT);
    return exact ? value.equals(w) : value.contains(w);
  }

  private Answer page(Map<String, String> query, List<ObjectNode> items) {
    int first = Integer.parseInt(query.getOrDefault("first", "0"));
    int max = Integer.parseInt(query.getOrDefault("max", "100"));
    ArrayNode array = JSON.createArrayNode();
    items.subList(Math.min(first, items.size()), Math.min(first + max, items.size())).forEach(array::add);
    return answer(200, array);
  }

  private ObjectNode userJson(User user) {
    return JSON.createObjectNode().put("id", user.id()).put("username", user.username()).put("email", user.email())
        .put("enabled", true).put("emailVerified", true);
  }

  private ObjectNode groupJson(String id) {
    return JSON.createObjectNode().put("id", id).put("name", groups.get(id)).put("path", "/" + groups.get(id));
  }

  private Answer error(int status, String error) {
    return answer(status, JSON.createObjectNode().put("error", error));
  }

  private Answer tokenError(int status, String error, String description) {
    return answer(status, JSON.createObjectNode().put("error", error).put("error_description", description));
  }

  private Answer answer(int status, @Nullable Object body) {
    Answer answer = Answer.of(status, body == null ? null : JSON.writeValueAsBytes(body));
    if (body != null) {
      answer.header("Content-Type", "application/json");
    }
    return answer;
  }

  private String uuid() {
    return String.format("5a4c1f0e-2b3d-4e5f-8a9b-%012d", ids.incrementAndGet());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
