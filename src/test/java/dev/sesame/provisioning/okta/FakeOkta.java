package dev.sesame.provisioning.okta;

import dev.sesame.provisioning.http.FakeHttpServer;
import dev.sesame.provisioning.http.FakeHttpServer.Answer;
import dev.sesame.provisioning.http.FakeHttpServer.Request;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
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
 * An Okta org served over real HTTP, following the Management API reference: users found with
 * {@code search} ({@code profile.login}/{@code profile.email} {@code eq}, case-insensitive), groups
 * by id, a user's groups and a group's users paged with {@code limit} + {@code after} and {@code
 * Link} headers, membership {@code PUT}/{@code DELETE} answering 204 whether or not anything
 * changed, Okta's error bodies ({@code E0000007}, {@code E0000011}, {@code E0000047}, {@code
 * E0000009}), and {@code X-Rate-Limit-*} plus {@code Date} headers on every answer from a clock the
 * test controls. It counts every call and fails the next ones on cue.
 */
public final class FakeOkta implements AutoCloseable {

  /** The token the fake accepts. */
  public static final String TOKEN = "00fake-okta-api-token";

  /** How far ahead of its Date header a 429's reset lies. */
  public static final Duration THROTTLE_WINDOW = Duration.ofSeconds(30);

  /** The largest page Okta serves. */
  static final int MAX_PAGE = 200;

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Pattern TERM = Pattern.compile("(profile\\.(?:login|email)) eq \"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern MEMBERSHIP = Pattern.compile("/api/v1/groups/([^/]+)/users/([^/]+)");

  /** How the fake fails a call. */
  public enum Fault {
    /** 429 E0000047 with a reset {@link #THROTTLE_WINDOW} ahead of its Date, the reset header sent twice. */
    THROTTLE,
    /** 500 E0000009. */
    SERVER_ERROR,
    /** No answer until {@code slowness} has passed; the call is not carried out. */
    TIMEOUT
  }

  /** One recorded call: method and path with query. */
  public record Call(String method, String path) {}

  private final FakeHttpServer server;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, String> groups = new LinkedHashMap<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Script> scripts = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Instant now = Instant.parse("2026-12-04T09:00:00Z");
  private volatile Instant throttledUntil = Instant.EPOCH;
  private volatile Duration slowness = Duration.ofSeconds(3);
  private volatile boolean enforceResets;
  private final Map<String, PublicKey> serviceApps = new HashMap<>();
  private final Set<String> accessTokens = new java.util.HashSet<>();

  private record User(String id, String login, String email, String status) {}

  private record Script(String method, Pattern path, Fault fault, AtomicInteger left) {}

  private FakeOkta() {
    server = FakeHttpServer.start(this::handle);
  }

  /** Starts an empty org on a free port. */
  public static FakeOkta start() {
    return new FakeOkta();
  }

  // ---------------------------------------------------------------------------------------------
  // Set-up
  // ---------------------------------------------------------------------------------------------

  /** The org URL, for the connector's {@code org-url}. */
  public String url() {
    return server.url();
  }

  /** Adds an active user; returns their {@code 00u…} id. */
  public synchronized String user(String login, String email) {
    String id = String.format("00u%017d", ids.incrementAndGet());
    users.put(id, new User(id, login, email, "ACTIVE"));
    return id;
  }

  /** Adds a group; returns its {@code 00g…} id. */
  public synchronized String group(String name) {
    String id = String.format("00g%017d", ids.incrementAndGet());
    groups.put(id, name);
    members.put(id, new LinkedHashSet<>());
    return id;
  }

  /** Registers an API service app that signs in with a private-key JWT checked against this key. */
  public synchronized void serviceApp(String clientId, PublicKey key) {
    serviceApps.put(clientId, key);
  }

  /** Makes every access token issued so far invalid, as if it had expired. */
  public synchronized void expireAccessTokens() {
    accessTokens.clear();
  }

  /** Makes the user a member of the group, without counting a call. */
  public synchronized void addMember(String groupId, String userId) {
    members.get(groupId).add(userId);
  }

  /** True when the user is a member of the group. */
  public synchronized boolean isMember(String groupId, String userId) {
    return members.getOrDefault(groupId, Set.of()).contains(userId);
  }

  /** The fake's clock, as its Date headers show it. */
  public Instant now() {
    return now;
  }

  /** Moves the fake's clock on. */
  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** How long a {@link Fault#TIMEOUT} keeps the caller waiting (longer than its timeout). */
  public void slowness(Duration slowness) {
    this.slowness = slowness;
  }

  /**
   * After a 429, answer every write with 429 until the fake's clock reaches the reset, as Okta
   * does; off by default, so a test can retry at once.
   */
  public void enforceResets() {
    enforceResets = true;
  }

  /** Fails the next {@code count} calls of this method whose path (with query) matches {@code pathRegex}. */
  public synchronized void failNext(String method, String pathRegex, Fault fault, int count) {
    scripts.add(new Script(method, Pattern.compile(pathRegex), fault, new AtomicInteger(count)));
  }

  /** Fails the next {@code count} membership writes (PUT or DELETE). */
  public void failNextWrites(Fault fault, int count) {
    failNext("PUT|DELETE", MEMBERSHIP.pattern(), fault, count);
  }

  // ---------------------------------------------------------------------------------------------
  // Counts
  // ---------------------------------------------------------------------------------------------

  /** Every call received so far, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Membership writes (PUT or DELETE of a group's user) received, failed ones included. */
  public synchronized int writes() {
    return (int) calls.stream().filter(c -> !c.method().equals("GET")
        && MEMBERSHIP.matcher(c.path().split("\\?")[0]).matches()).count();
  }

  /** Reads of a group's member list ({@code GET /api/v1/groups/{id}/users}), pages included. */
  public synchronized int memberListReads() {
    return (int) calls.stream().filter(c -> c.method().equals("GET")
        && c.path().split("\\?")[0].matches("/api/v1/groups/[^/]+/users")).count();
  }

  /** Calls of this method whose path (without query) starts with {@code prefix}. */
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
    String method = request.method();
    String path = request.path();
    Fault fault;
    synchronized (this) {
      calls.add(new Call(method, request.target()));
      fault = scripted(method, request.target());
    }
    if (method.equals("POST") && path.equals("/oauth2/v1/token")) {
      return token(request.body());
    }
    if (!authorized(request.header("Authorization"))) {
      return error(401, "E0000011", "Invalid token provided");
    }
    if (fault == Fault.TIMEOUT) {
      sleep(slowness);
      return error(504, "E0000009", "Internal Server Error");
    }
    if (fault == Fault.SERVER_ERROR) {
      return error(500, "E0000009", "Internal Server Error");
    }
    if (fault == Fault.THROTTLE || enforceResets && now.isBefore(throttledUntil) && !method.equals("GET")) {
      return throttle();
    }
    return route(method, path, request.query());
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

  private synchronized Answer route(String method, String path, Map<String, String> query) {
    Matcher membership = MEMBERSHIP.matcher(path);
    if (membership.matches() && (method.equals("PUT") || method.equals("DELETE"))) {
      String group = membership.group(1);
      String user = membership.group(2);
      if (!groups.containsKey(group)) {
        return notFound(group, "UserGroup");
      }
      if (!users.containsKey(user)) {
        return notFound(user, "User");
      }
      if (method.equals("PUT")) {
        members.get(group).add(user);
      } else {
        members.get(group).remove(user);
      }
      return answer(204, null, List.of());
    }
    if (!method.equals("GET")) {
      return error(405, "E0000022", "The endpoint does not support the provided HTTP method");
    }
    if (path.equals("/api/v1/users/me")) {
      return answer(200, userJson(new User("00uadmin0000000000001", "sesame-admin@brightwave.example",
          "sesame-admin@brightwave.example", "ACTIVE")), List.of());
    }
    if (path.equals("/api/v1/groups")) {
      return page(path, query, groups.keySet().stream().map(this::groupJson).toList());
    }
    if (path.equals("/api/v1/users")) {
      return page(path, query, searchUsers(query.getOrDefault("search", "")));
    }
    String[] parts = path.split("/");
    if (path.matches("/api/v1/users/[^/]+/groups")) {
      String user = parts[4];
      if (!users.containsKey(user)) {
        return notFound(user, "User");
      }
      return page(path, query, groups.keySet().stream().filter(g -> members.get(g).contains(user))
          .map(this::groupJson).toList());
    }
    if (path.matches("/api/v1/groups/[^/]+/users")) {
      String group = parts[4];
      if (!groups.containsKey(group)) {
        return notFound(group, "UserGroup");
      }
      return page(path, query, members.get(group).stream().map(users::get).map(this::userJson).toList());
    }
    if (path.matches("/api/v1/groups/[^/]+")) {
      return groups.containsKey(parts[4]) ? answer(200, groupJson(parts[4]), List.of()) : notFound(parts[4], "UserGroup");
    }
    return notFound(path, "Resource");
  }

  private synchronized boolean authorized(String authorization) {
    return authorization.equals("SSWS " + TOKEN)
        || authorization.startsWith("Bearer ") && accessTokens.contains(authorization.substring(7));
  }

  /**
   * The org authorization server's token endpoint for service apps: client credentials with a
   * private-key JWT, whose RS256 signature, issuer, subject, audience and expiry are checked.
   */
  private synchronized Answer token(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!"client_credentials".equals(form.get("grant_type"))
        || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
      return oauthError(400, "invalid_request", "The grant or assertion type is not supported.");
    }
    String[] jwt = form.getOrDefault("client_assertion", "").split("\\.");
    if (jwt.length != 3) {
      return oauthError(401, "invalid_client", "The client_assertion is not a JWT.");
    }
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
    String clientId = claims.path("iss").asString("");
    PublicKey key = serviceApps.get(clientId);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      if (key == null) {
        return oauthError(401, "invalid_client", "The client_id is not known.");
      }
      rs256.initVerify(key);
      rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
        return oauthError(401, "invalid_client", "The client_assertion signature is invalid.");
      }
    } catch (java.security.GeneralSecurityException e) {
      return oauthError(401, "invalid_client", "The client_assertion signature is invalid.");
    }
    if (!clientId.equals(claims.path("sub").asString("")) || !claims.path("aud").asString("").equals(url()
        + "/oauth2/v1/token") || claims.path("exp").asLong(0) < now.getEpochSecond()) {
      return oauthError(401, "invalid_client", "The client_assertion claims are invalid.");
    }
    String token = "oat" + ids.incrementAndGet();
    accessTokens.add(token);
    return answer(200, JSON.createObjectNode().put("token_type", "Bearer").put("expires_in", 3600)
        .put("access_token", token).put("scope", form.getOrDefault("scope", "")), List.of());
  }

  private Answer oauthError(int status, String error, String description) {
    return answer(status, JSON.createObjectNode().put("error", error).put("error_description", description), List.of());
  }

  private List<ObjectNode> searchUsers(String search) {
    List<String[]> terms = new ArrayList<>();
    Matcher term = TERM.matcher(search);
    while (term.find()) {
      terms.add(new String[] {term.group(1), term.group(2).replace("\\\"", "\"").replace("\\\\", "\\")});
    }
    return users.values().stream()
        .filter(u -> terms.stream().anyMatch(t -> (t[0].equals("profile.login") ? u.login() : u.email())
            .equalsIgnoreCase(t[1])))
        .map(this::userJson)
        .toList();
  }

  /** One page after the {@code after} cursor (an item's id), with self and next links. */
  private Answer page(String path, Map<String, String> query, List<ObjectNode> items) {
    int limit = Math.min(MAX_PAGE, Integer.parseInt(query.getOrDefault("limit", String.valueOf(MAX_PAGE))));
    int from = 0;
    String after = query.get("after");
    if (after != null) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).path("id").asString().equals(after)) {
          from = i + 1;
        }
      }
    }
    List<ObjectNode> page = items.subList(Math.min(from, items.size()), Math.min(from + limit, items.size()));
    ArrayNode body = JSON.createArrayNode();
    page.forEach(body::add);
    List<String> links = new ArrayList<>();
    String base = url() + path + "?" + (query.containsKey("search")
        ? "search=" + URLEncoder.encode(query.get("search"), StandardCharsets.UTF_8) + "&" : "");
    links.add("<" + base + "limit=" + limit + ">; rel=\"self\"");
    if (from + limit < items.size()) {
      links.add("<" + base + "after=" + page.get(page.size() - 1).path("id").asString() + "&limit=" + limit
          + ">; rel=\"next\"");
    }
    return answer(200, body, links);
  }

  private ObjectNode userJson(User user) {
    ObjectNode node = JSON.createObjectNode().put("id", user.id()).put("status", user.status());
    node.putObject("profile").put("login", user.login()).put("email", user.email());
    return node;
  }

  private ObjectNode groupJson(String id) {
    ObjectNode node = JSON.createObjectNode().put("id", id);
    node.putArray("objectClass").add("okta:user_group");
    node.put("type", "OKTA_GROUP");
    node.putObject("profile").put("name", groups.get(id)).put("description", "");
    return node;
  }

  /** 429 with the reset {@link #THROTTLE_WINDOW} ahead of Date, sent twice (an older value first). */
  private Answer throttle() {
    long reset = now.plus(THROTTLE_WINDOW).getEpochSecond();
    throttledUntil = Instant.ofEpochSecond(reset);
    return headers(Answer.of(429, JSON.writeValueAsBytes(errorJson("E0000047",
            "API call exceeded rate limit due to too many requests."))), 0, reset - 20)
        .header("X-Rate-Limit-Reset", String.valueOf(reset));
  }

  private Answer notFound(String id, String type) {
    return error(404, "E0000007", "Not found: Resource not found: " + id + " (" + type + ")");
  }

  private Answer error(int status, String code, String summary) {
    return answer(status, errorJson(code, summary), List.of());
  }

  private ObjectNode errorJson(String code, String summary) {
    ObjectNode body = JSON.createObjectNode()
        .put("errorCode", code)
        .put("errorSummary", summary)
        .put("errorLink", code)
        .put("errorId", "oae" + ids.incrementAndGet());
    body.putArray("errorCauses");
    return body;
  }

  private Answer answer(int status, @Nullable Object body, List<String> links) {
    Answer answer = headers(Answer.of(status, body == null ? null : JSON.writeValueAsBytes(body)), 599,
        now.plusSeconds(60).getEpochSecond());
    links.forEach(link -> answer.header("Link", link));
    return answer;
  }

  /** Date from the fake's clock and the rate-limit headers Okta sends on every answer. */
  private Answer headers(Answer answer, int remaining, long reset) {
    answer.header("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)))
        .header("X-Rate-Limit-Limit", "600")
        .header("X-Rate-Limit-Remaining", String.valueOf(remaining))
        .header("X-Rate-Limit-Reset", String.valueOf(reset));
    if (answer.body() != null) {
      answer.header("Content-Type", "application/json");
    }
    return answer;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "FakeOkta[" + url() + ", " + users.size() + " users, " + groups.size() + " groups]";
  }
}
