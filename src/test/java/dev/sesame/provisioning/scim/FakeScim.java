package dev.sesame.provisioning.scim;

import dev.sesame.provisioning.http.FakeHttpServer;
import dev.sesame.provisioning.http.FakeHttpServer.Answer;
import dev.sesame.provisioning.http.FakeHttpServer.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * A SCIM 2.0 service provider served over real HTTP, following RFC 7643/7644: a bearer token,
 * {@code /Users} and {@code /Groups} with filters ({@code userName eq}, {@code emails.value eq},
 * {@code id eq "…" and members[value eq "…"]}, values as JSON strings), {@code excludedAttributes},
 * list responses paged with {@code startIndex}/{@code count}/{@code totalResults} (at most {@link
 * #pageSize} per page), {@code PATCH} with the PatchOp schema, the error schema, and {@code
 * Retry-After} on 429 and 503. Vendor variations are switches: PATCH answering 200 with the resource
 * instead of 204, {@code op} values taken only in one spelling, and an Azure AD-style server that
 * rejects filtered paths and removes the listed values of {@code path=members}. In the RFC flavour
 * a {@code remove} of {@code members} without a filter empties the group, as RFC 7644 §3.5.2.2 says.
 */
public final class FakeScim implements AutoCloseable {

  public static final String TOKEN = "fake-scim-bearer-token";
  public static final int RETRY_AFTER_SECONDS = 9;
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
  private static final Pattern USER_TERM = Pattern.compile("(userName|emails\\.value|emails) eq " + STRING,
      Pattern.CASE_INSENSITIVE);
  private static final Pattern GROUP_MEMBER = Pattern.compile("id eq " + STRING + " and members\\[value eq "
      + STRING + "\\]");
  private static final Pattern MEMBER_PATH = Pattern.compile("members\\[value eq " + STRING + "\\]");

  /** How the fake fails a call. */
  public enum Fault { THROTTLE, UNAVAILABLE, SERVER_ERROR, TIMEOUT }

  /** Which server's PATCH rules the fake follows. */
  public enum Flavor {
    /** RFC 7644: filtered remove paths; a bare remove of {@code members} empties the group. */
    RFC,
    /** Azure AD style: filtered paths are {@code invalidPath}; {@code path=members} removes the listed values. */
    AZURE
  }

  public record Call(String method, String path) {}

  private record User(String id, String userName, String email) {}

  private record Script(String method, Pattern path, Fault fault, AtomicInteger left) {}

  private final FakeHttpServer server;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, String> groups = new LinkedHashMap<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Script> scripts = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger memberListReads = new AtomicInteger();
  private volatile Duration slowness = Duration.ofSeconds(3);
  private volatile Flavor flavor = Flavor.RFC;
  private volatile boolean patchReturnsResource;
  private volatile @Nullable String onlyOpSpelling;
  private volatile int pageSize = 100;

  private FakeScim() {
    server = FakeHttpServer.start(this::handle);
  }

  public static FakeScim start() {
    return new FakeScim();
  }

  // --- set-up ----------------------------------------------------------------------------------

  /** The base URL, e.g. {@code http://127.0.0.1:41234/scim/v2}. */
  public String url() {
    return server.url() + "/scim/v2";
  }

  public synchronized String user(String userName, String email) {
    String id = id();
    users.put(id, new User(id, userName, email));
    return id;
  }

  public synchronized String group(String name) {
    String id = id();
    groups.put(id, name);
    members.put(id, new LinkedHashSet<>());
    return id;
  }

  public synchronized void addMember(String group, String user) {
    members.get(group).add(user);
  }

  public synchronized Set<String> membersOf(String group) {
    return Set.copyOf(members.get(group));
  }

  public void flavor(Flavor flavor) {
    this.flavor = flavor;
  }

  public void patchReturnsResource(boolean yes) {
    this.patchReturnsResource = yes;
  }

  /** Accepts PATCH {@code op} values only in exactly this spelling of add/remove (e.g. "Add"), or any when null. */
  public void onlyOpSpelling(@Nullable String capitalizedOrLower) {
    this.onlyOpSpelling = capitalizedOrLower;
  }

  /** The most resources one list page holds, whatever {@code count} asks. */
  public void pageSize(int pageSize) {
    this.pageSize = pageSize;
  }

  public void slowness(Duration slowness) {
    this.slowness = slowness;
  }

  public synchronized void failNext(String method, String pathRegex, Fault fault, int count) {
    scripts.add(new Script(method, Pattern.compile(pathRegex), fault, new AtomicInteger(count)));
  }

  /** Fails the next {@code count} membership writes ({@code PATCH /Groups/{id}}). */
  public void failNextWrites(Fault fault, int count) {
    failNext("PATCH", "/scim/v2/Groups/[^/?]+", fault, count);
  }

  // --- counts ----------------------------------------------------------------------------------

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** {@code PATCH /Groups/{id}} received, failed ones included. */
  public synchronized int writes() {
    return (int) calls.stream().filter(c -> c.method().equals("PATCH")).count();
  }

  /** Group reads that returned the {@code members} attribute. */
  public synchronized int memberListReads() {
    return memberListReads.get();
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
    if (!request.header("Authorization").equals("Bearer " + TOKEN)) {
      return error(401, null, "Authorization failure. The authorization header is invalid or missing.");
    }
    if (fault == Fault.TIMEOUT) {
      sleep(slowness);
      return error(504, null, "timeout");
    }
    if (fault == Fault.SERVER_ERROR) {
      return error(500, null, "Internal server error");
    }
    if (fault == Fault.THROTTLE) {
      return error(429, null, "Too many requests").header("Retry-After", "" + RETRY_AFTER_SECONDS);
    }
    if (fault == Fault.UNAVAILABLE) {
      return error(503, null, "Service unavailable").header("Retry-After", "12");
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

  private synchronized Answer route(Request request) {
    String path = request.path();
    Map<String, String> query = request.query();
    if (!path.startsWith("/scim/v2/")) {
      return error(404, null, "no such endpoint");
    }
    String[] parts = path.substring("/scim/v2/".length()).split("/");
    boolean exclude = query.getOrDefault("excludedAttributes", "").contains("members");
    if (request.method().equals("PATCH") && parts.length == 2 && parts[0].equals("Groups")) {
      return patch(parts[1], request.body());
    }
    if (!request.method().equals("GET")) {
      return error(405, null, "method not allowed");
    }
    if (parts[0].equals("ServiceProviderConfig")) {
      ObjectNode config = JSON.createObjectNode();
      config.putObject("patch").put("supported", true);
      config.putObject("filter").put("supported", true).put("maxResults", pageSize);
      return answer(200, config);
    }
    if (parts[0].equals("Users") && parts.length == 1) {
      return list(query, filterUsers(query.getOrDefault("filter", "")).stream().map(this::userJson).toList());
    }
    if (parts[0].equals("Users")) {
      User user = users.get(parts[1]);
      return user == null ? error(404, null, "Resource " + parts[1] + " not found") : answer(200, userJson(user));
    }
    if (parts[0].equals("Groups") && parts.length == 1) {
      String filter = query.getOrDefault("filter", "");
      List<String> found = new ArrayList<>();
      Matcher m = GROUP_MEMBER.matcher(filter);
      if (m.matches()) {
        String g = unquote(m.group(1));
        if (groups.containsKey(g) && members.get(g).contains(unquote(m.group(2)))) {
          found.add(g);
        }
      } else if (filter.isEmpty()) {
        found.addAll(groups.keySet());
      } else {
        return error(400, "invalidFilter", "unsupported filter " + filter);
      }
      if (!exclude && !found.isEmpty()) {
        memberListReads.incrementAndGet();
      }
      return list(query, found.stream().map(g -> groupJson(g, !exclude)).toList());
    }
    if (parts[0].equals("Groups")) {
      if (!exclude && groups.containsKey(parts[1])) {
        memberListReads.incrementAndGet();
      }
      return groups.containsKey(parts[1]) ? answer(200, groupJson(parts[1], !exclude))
          : error(404, null, "Resource " + parts[1] + " not found");
    }
    return error(404, null, "no such endpoint");
  }

  private Answer patch(String group, String body) {
    JsonNode patch = JSON.readTree(body);
    if (!patch.path("schemas").toString().contains("urn:ietf:params:scim:api:messages:2.0:PatchOp")) {
      return error(400, "invalidSyntax", "the PatchOp schema is missing");
    }
    if (!groups.containsKey(group)) {
      return error(404, null, "Resource " + group + " not found");
    }
    Set<String> set = members.get(group);
    for (JsonNode op : patch.path("Operations")) {
      String name = op.path("op").asString("");
      String spelling = onlyOpSpelling;
      if (spelling != null && !name.equals(spelling.equals("capitalized") ? capitalize(name) : name.toLowerCase(
          Locale.ROOT))) {
        return error(400, "invalidSyntax", "unsupported op '" + name + "'");
      }
      String target = op.path("path").asString("");
      List<String> values = new ArrayList<>();
      op.path("value").forEach(v -> values.add(v.path("value").asString()));
      switch (name.toLowerCase(Locale.ROOT)) {
        case "add" -> {
          if (!target.equals("members")) {
            return error(400, "invalidPath", "unsupported path " + target);
          }
          for (String v : values) {
            if (!users.containsKey(v)) {
              return error(400, "invalidValue", "member " + v + " does not exist");
            }
          }
          set.addAll(values);
        }
        case "remove" -> {
          Matcher m = MEMBER_PATH.matcher(target);
          if (m.matches()) {
            if (flavor == Flavor.AZURE) {
              return error(400, "invalidPath", "filtered paths are not supported");
            }
            if (!set.remove(unquote(m.group(1)))) {
              return error(400, "noTarget", "no member matches " + target);
            }
          } else if (target.equals("members")) {
            if (flavor == Flavor.RFC) {
              set.clear();
            } else {
              values.forEach(set::remove);
            }
          } else {
            return error(400, "invalidPath", "unsupported path " + target);
          }
        }
        default -> {
          return error(400, "invalidSyntax", "unsupported op '" + name + "'");
        }
      }
    }
    return patchReturnsResource ? answer(200, groupJson(group, true)) : answer(204, null);
  }

  private static String capitalize(String op) {
    return op.isEmpty() ? op : op.substring(0, 1).toUpperCase(Locale.ROOT) + op.substring(1).toLowerCase(Locale.ROOT);
  }

  private List<User> filterUsers(String filter) {
    Matcher m = USER_TERM.matcher(filter);
    if (!m.matches()) {
      return filter.isEmpty() ? List.copyOf(users.values()) : List.of();
    }
    String value = unquote(m.group(2));
    boolean byName = m.group(1).equalsIgnoreCase("userName");
    return users.values().stream()
        .filter(u -> (byName ? u.userName() : u.email()).equalsIgnoreCase(value))
        .toList();
  }

  private Answer list(Map<String, String> query, List<ObjectNode> items) {
    int start = Math.max(1, Integer.parseInt(query.getOrDefault("startIndex", "1")));
    int count = Math.min(pageSize, Integer.parseInt(query.getOrDefault("count", String.valueOf(pageSize))));
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add(LIST);
    body.put("totalResults", items.size());
    List<ObjectNode> page = items.subList(Math.min(start - 1, items.size()), Math.min(start - 1 + count, items.size()));
    body.put("startIndex", start).put("itemsPerPage", page.size());
    ArrayNode resources = body.putArray("Resources");
    page.forEach(resources::add);
    return answer(200, body);
  }

  private ObjectNode userJson(User user) {
    ObjectNode json = JSON.createObjectNode();
    json.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    json.put("id", user.id()).put("userName", user.userName());
    json.putArray("emails").addObject().put("value", user.email()).put("type", "work").put("primary", true);
    ArrayNode groupsOf = json.putArray("groups");
    members.forEach((g, set) -> {
      if (set.contains(user.id())) {
        groupsOf.addObject().put("value", g).put("display", groups.get(g)).put("type", "direct");
      }
    });
    json.putObject("meta").put("resourceType", "User").put("location", url() + "/Users/" + user.id());
    return json;
  }

  private ObjectNode groupJson(String id, boolean withMembers) {
    ObjectNode json = JSON.createObjectNode();
    json.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
    json.put("id", id).put("displayName", groups.get(id));
    if (withMembers) {
      ArrayNode list = json.putArray("members");
      members.get(id).forEach(u -> list.addObject().put("value", u).put("$ref", url() + "/Users/" + u));
    }
    json.putObject("meta").put("resourceType", "Group").put("location", url() + "/Groups/" + id);
    return json;
  }

  private static String unquote(String escaped) {
    return JSON.readTree("\"" + escaped + "\"").asString();
  }

  private Answer error(int status, @Nullable String scimType, String detail) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add(ERROR);
    body.put("status", String.valueOf(status));
    if (scimType != null) {
      body.put("scimType", scimType);
    }
    body.put("detail", detail);
    return answer(status, body);
  }

  private Answer answer(int status, @Nullable Object body) {
    Answer answer = Answer.of(status, body == null ? null : JSON.writeValueAsBytes(body));
    if (body != null) {
      answer.header("Content-Type", "application/scim+json");
    }
    return answer;
  }

  private String id() {
    return String.format("2819c223-7f76-453a-919d-%012d", ids.incrementAndGet());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
