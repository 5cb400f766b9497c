package dev.sesame.provisioning.google;

import dev.sesame.provisioning.http.FakeHttpServer;
import dev.sesame.provisioning.http.FakeHttpServer.Answer;
import dev.sesame.provisioning.http.FakeHttpServer.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google Workspace served over real HTTP, following the OAuth 2.0 service-account (JWT bearer)
 * and Admin SDK Directory API references: the token endpoint checks the assertion's RS256
 * signature against the service account's key, its issuer, audience, scope and delegated admin
 * ({@code sub}); {@code users.get}, {@code groups.get}, {@code members.list} (paged with {@code
 * maxResults}/{@code pageToken}), {@code members.insert} (409 duplicate), {@code members.delete}
 * (404 when not a member), {@code members.hasMember} (transitive through nested groups); Google's
 * error body; {@code Retry-After} on 429 and 503, and rate limits answered as 403 {@code
 * userRateLimitExceeded} too. It counts every call and fails the next ones on cue.
 */
public final class FakeGoogle implements AutoCloseable {

  public static final String CLIENT_EMAIL = "sesame-provisioning@brightwave-it.iam.gserviceaccount.com";
  public static final String ADMIN = "it-admin@brightwave.example";
  public static final int RETRY_AFTER_SECONDS = 11;
  static final int PAGE = 200;

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final String BASE = "/admin/directory/v1";
  private static final Pattern WRITE = Pattern.compile(BASE + "/groups/[^/]+/members(/[^/]+)?");

  public enum Fault {
    /** 429 rateLimitExceeded with {@code Retry-After}. */
    THROTTLE,
    /** 403 userRateLimitExceeded, no {@code Retry-After}. */
    THROTTLE_403,
    /** 503 with {@code Retry-After}. */
    UNAVAILABLE,
    /** 500 backendError. */
    SERVER_ERROR,
    /** No answer until {@code slowness} has passed; the call is not carried out. */
    TIMEOUT
  }

  public record Call(String method, String path) {}

  private record User(String id, String email) {}

  private record Script(String method, Pattern path, Fault fault, AtomicInteger left) {}

  private final FakeHttpServer server;
  private final KeyPair key;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, String> groups = new LinkedHashMap<>();
  private final Map<String, String> groupEmails = new HashMap<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final Set<String> tokens = new HashSet<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Script> scripts = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Duration slowness = Duration.ofSeconds(3);

  private FakeGoogle() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      key = generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    server = FakeHttpServer.start(this::handle);
    user(ADMIN);
  }

  public static FakeGoogle start() {
    return new FakeGoogle();
  }

  // --- set-up ----------------------------------------------------------------------------------

  /** The base URL, for {@code api-url}. */
  public String url() {
    return server.url();
  }

  /** The token endpoint, for {@code auth-url}. */
  public String tokenUrl() {
    return server.url() + "/token";
  }

  /** The service account's JSON key file, as the Cloud console downloads it. */
  public String serviceAccountKey() {
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    return JSON.writeValueAsString(JSON.createObjectNode().put("type", "service_account")
        .put("project_id", "brightwave-it").put("private_key_id", "4b1a2c3d4e5f")
        .put("private_key", pem).put("client_email", CLIENT_EMAIL).put("client_id", "104845129848573920001")
        .put("token_uri", "https://oauth2.googleapis.com/token"));
  }

  /** Adds a user; returns their id. */
  public synchronized String user(String email) {
    String id = String.valueOf(100_000_000_000_000_000L + ids.incrementAndGet());
    users.put(id, new User(id, email));
    return id;
  }

  /** Adds a group with this e-mail; returns its id. */
  public synchronized String group(String email) {
    String id = String.format("03dy6vkm%07d", ids.incrementAndGet());
    groups.put(id, email);
    groupEmails.put(email.toLowerCase(Locale.ROOT), id);
    members.put(id, new LinkedHashSet<>());
    return id;
  }

  /** The id of the group with this e-mail. */
  public synchronized String groupId(String email) {
    return groupEmails.get(email.toLowerCase(Locale.ROOT));
  }

  /** Makes a user or group (by id) a direct member, without counting a call. */
  public synchronized void addMember(String groupId, String memberId) {
    members.get(groupId).add(memberId);
  }

  public synchronized Set<String> membersOf(String groupId) {
    return Set.copyOf(members.get(groupId));
  }

  public synchronized void expireTokens() {
    tokens.clear();
  }

  public void slowness(Duration slowness) {
    this.slowness = slowness;
  }

  public synchronized void failNext(String method, String pathRegex, Fault fault, int count) {
    scripts.add(new Script(method, Pattern.compile(pathRegex), fault, new AtomicInteger(count)));
  }

  /** Fails the next {@code count} membership writes (insert or delete). */
  public void failNextWrites(Fault fault, int count) {
    failNext("POST|DELETE", WRITE.pattern(), fault, count);
  }

  // --- counts ----------------------------------------------------------------------------------

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized int writes() {
    return (int) calls.stream().filter(c -> (c.method().equals("POST") || c.method().equals("DELETE"))
        && WRITE.matcher(c.path().split("\\?")[0]).matches()).count();
  }

  /** {@code members.list} pages served. */
  public synchronized int memberListReads() {
    return (int) calls.stream().filter(c -> c.method().equals("GET")
        && c.path().split("\\?")[0].matches(BASE + "/groups/[^/]+/members")).count();
  }

  public synchronized int tokenRequests() {
    return (int) calls.stream().filter(c -> c.path().equals("/token")).count();
  }

  @Override
  public void close() {
    server.close();
  }

  // --- serving ---------------------------------------------------------------------------------

  private Answer handle(Request request) throws Exception {
    Fault fault;
    synchronized (this) {
      calls.add(new Call(request.method(), request.target()));
      fault = scripted(request.method(), request.path());
    }
    if (request.path().equals("/token")) {
      return token(request);
    }
    synchronized (this) {
      if (!tokens.contains(request.header("Authorization").replaceFirst("^Bearer ", ""))) {
        return error(401, "authError", "Invalid Credentials");
      }
    }
    if (fault == Fault.TIMEOUT) {
      sleep(slowness);
      return error(504, "backendError", "Deadline exceeded");
    }
    if (fault == Fault.SERVER_ERROR) {
      return error(500, "backendError", "Backend Error");
    }
    if (fault == Fault.THROTTLE) {
      return error(429, "rateLimitExceeded", "Rate Limit Exceeded").header("Retry-After", "" + RETRY_AFTER_SECONDS);
    }
    if (fault == Fault.THROTTLE_403) {
      return error(403, "userRateLimitExceeded", "User Rate Limit Exceeded");
    }
    if (fault == Fault.UNAVAILABLE) {
      return error(503, "backendError", "Service unavailable").header("Retry-After", "12");
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

  private synchronized Answer token(Request request) throws Exception {
    Map<String, String> form = new HashMap<>();
    for (String pair : request.body().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
      return tokenError(400, "unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
    }
    String[] jwt = form.getOrDefault("assertion", "").split("\\.");
    if (jwt.length != 3) {
      return tokenError(400, "invalid_request", "Invalid JWT");
    }
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(key.getPublic());
    rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    if (!rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
      return tokenError(400, "invalid_grant", "Invalid JWT Signature.");
    }
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
    long now = Instant.now().getEpochSecond();
    if (!CLIENT_EMAIL.equals(claims.path("iss").asString("")) || !tokenUrl().equals(claims.path("aud").asString(""))
        || claims.path("exp").asLong(0) < now || claims.path("exp").asLong(0) - claims.path("iat").asLong(0) > 3600) {
      return tokenError(400, "invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a "
          + "reasonable timeframe. Check your iat and exp values in the JWT claim.");
    }
    if (!ADMIN.equals(claims.path("sub").asString(""))
        || !claims.path("scope").asString("").contains("https://www.googleapis.com/auth/admin.directory.group.member")) {
      return tokenError(401, "unauthorized_client",
          "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of "
              + "the scopes requested.");
    }
    String token = "ya29.fake." + ids.incrementAndGet();
    tokens.add(token);
    return answer(200, JSON.createObjectNode().put("access_token", token).put("expires_in", 3599)
        .put("token_type", "Bearer"));
  }

  private synchronized Answer route(Request request) {
    String path = request.path();
    if (!path.startsWith(BASE + "/")) {
      return error(404, "notFound", "Not Found");
    }
    String[] parts = path.substring(BASE.length() + 1).split("/");
    for (int i = 0; i < parts.length; i++) {
      parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
    }
    String method = request.method();
    if (parts[0].equals("users") && parts.length == 2 && method.equals("GET")) {
      return findUser(parts[1]).map(u -> answer(200, userJson(u)))
          .orElseGet(() -> error(404, "notFound", "Resource Not Found: userKey"));
    }
    if (!parts[0].equals("groups") || parts.length < 2) {
      return error(404, "notFound", "Not Found");
    }
    Optional<String> group = findGroup(parts[1]);
    if (group.isEmpty()) {
      return error(404, "notFound", "Resource Not Found: groupKey");
    }
    String g = group.get();
    if (parts.length == 2 && method.equals("GET")) {
      return answer(200, JSON.createObjectNode().put("kind", "admin#directory#group").put("id", g)
          .put("email", groups.get(g)).put("name", groups.get(g).replaceFirst("@.*", ""))
          .put("directMembersCount", String.valueOf(members.get(g).size())));
    }
    if (parts.length == 4 && parts[2].equals("hasMember") && method.equals("GET")) {
      Optional<String> member = findUser(parts[3]).map(User::id).or(() -> findGroup(parts[3]));
      if (member.isEmpty()) {
        return error(404, "notFound", "Resource Not Found: memberKey");
      }
      return answer(200, JSON.createObjectNode().put("isMember", transitive(g, member.get())));
    }
    if (parts.length == 3 && parts[2].equals("members") && method.equals("GET")) {
      return listMembers(g, request.query());
    }
    if (parts.length == 3 && parts[2].equals("members") && method.equals("POST")) {
      JsonNode body = JSON.readTree(request.body());
      String key = body.path("email").asString(body.path("id").asString(""));
      Optional<String> member = findUser(key).map(User::id).or(() -> findGroup(key));
      if (member.isEmpty()) {
        return error(404, "notFound", "Resource Not Found: memberKey");
      }
      if (!members.get(g).add(member.get())) {
        return error(409, "duplicate", "Member already exists.");
      }
      return answer(200, memberJson(member.get()));
    }
    if (parts.length == 4 && parts[2].equals("members") && method.equals("DELETE")) {
      Optional<String> member = findUser(parts[3]).map(User::id).or(() -> findGroup(parts[3]));
      if (member.isEmpty() || !members.get(g).remove(member.get())) {
        return error(404, "notFound", "Resource Not Found: memberKey");
      }
      return answer(204, null);
    }
    return error(400, "invalid", "Invalid request");
  }

  private Answer listMembers(String group, Map<String, String> query) {
    List<String> all = List.copyOf(members.get(group));
    int max = Math.min(PAGE, Integer.parseInt(query.getOrDefault("maxResults", String.valueOf(PAGE))));
    int from = Integer.parseInt(query.getOrDefault("pageToken", "0"));
    ObjectNode body = JSON.createObjectNode().put("kind", "admin#directory#members");
    ArrayNode list = body.putArray("members");
    all.subList(Math.min(from, all.size()), Math.min(from + max, all.size())).forEach(m -> list.add(memberJson(m)));
    if (from + max < all.size()) {
      body.put("nextPageToken", String.valueOf(from + max));
    }
    return answer(200, body);
  }

  private boolean transitive(String group, String member) {
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(group));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (!seen.add(next) || !members.containsKey(next)) {
        continue;
      }
      if (members.get(next).contains(member)) {
        return true;
      }
      members.get(next).stream().filter(groups::containsKey).forEach(todo::push);
    }
    return false;
  }

  private Optional<User> findUser(String key) {
    return users.values().stream().filter(u -> u.id().equals(key) || u.email().equalsIgnoreCase(key)).findFirst();
  }

  private Optional<String> findGroup(String key) {
    return groups.containsKey(key) ? Optional.of(key)
        : Optional.ofNullable(groupEmails.get(key.toLowerCase(Locale.ROOT)));
  }

  private ObjectNode userJson(User user) {
    return JSON.createObjectNode().put("kind", "admin#directory#user").put("id", user.id())
        .put("primaryEmail", user.email());
  }

  private ObjectNode memberJson(String id) {
    User user = users.get(id);
    return JSON.createObjectNode().put("kind", "admin#directory#member").put("id", id)
        .put("email", user != null ? user.email() : groups.get(id)).put("role", "MEMBER")
        .put("type", user != null ? "USER" : "GROUP").put("status", "ACTIVE");
  }

  private Answer error(int status, String reason, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("code", status).put("message", message);
    error.putArray("errors").addObject().put("message", message).put("domain", "global").put("reason", reason);
    return answer(status, body);
  }

  private Answer tokenError(int status, String error, String description) {
    return answer(status, JSON.createObjectNode().put("error", error).put("error_description", description));
  }

  private Answer answer(int status, @Nullable Object body) {
    Answer answer = Answer.of(status, body == null ? null : JSON.writeValueAsBytes(body));
    if (body != null) {
      answer.header("Content-Type", "application/json; charset=UTF-8");
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
}
