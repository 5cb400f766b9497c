package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.LDAPException;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests on a Sesame that runs on a {@link ScriptedDirectory}, as people and admins make them
 * over the API: apps and policies set up for one test, groups created in the directory, requests
 * submitted and decided, their state and audit read back.
 */
final class Requesting {

  static final String PEOPLE = ",ou=people,dc=brightwave,dc=example";
  static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  static final String ADMIN = "sam.patel";

  private final RunningSesame sesame;
  private final ScriptedDirectory directory;

  Requesting(RunningSesame sesame, ScriptedDirectory directory) {
    this.sesame = sesame;
    this.directory = directory;
  }

  /** The DN of a person of the demo company. */
  static String dn(String login) {
    return "uid=" + login + PEOPLE;
  }

  /** The DN of a group of the demo company. */
  static String groupDn(String cn) {
    return "cn=" + cn + GROUPS;
  }

  /** Creates a group in the directory with these members (logins). */
  void group(String cn, String... members) {
    String[] lines = new String[members.length + 3];
    lines[0] = "dn: " + groupDn(cn);
    lines[1] = "objectClass: groupOfNames";
    lines[2] = "cn: " + cn;
    for (int i = 0; i < members.length; i++) {
      lines[i + 3] = "member: " + dn(members[i]);
    }
    try {
      directory.server().add(lines);
    } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
      throw new IllegalStateException("cannot create the group " + cn + ": " + e.getMessage(), e);
    }
  }

  /** Creates (or replaces) a policy whose single stage any one of {@code approvers} decides. */
  void anyOf(String policy, String... approvers) {
    List<String> sources = java.util.Arrays.stream(approvers).map(a -> "person:" + a).toList();
    sesame.as(ADMIN).body(Map.of("changeDescription", "for a test", "policy", Map.of("name", policy, "stages",
            List.of(Map.of("name", "Owners", "approvers", sources)))))
        .put("/api/policies/{name}", policy).then().statusCode(201);
  }

  /** Creates a group-based app on the directory's provisioning system. */
  void groupApp(String name, String policy, String groupCn) {
    Map<String, Object> entry = entry(name, policy);
    entry.put("strategy", Map.of("type", "GROUP", "system", "corp-ldap", "externalId", groupDn(groupCn)));
    new CatalogApi(sesame, ADMIN).create("for a test", entry).then().statusCode(201);
  }

  /**
   * Creates a role-based app whose roles (name → group cn) are backed by groups of the directory;
   * the groups that do not exist yet are created empty.
   */
  void roleApp(String name, String policy, Map<String, String> roles) {
    roles.values().forEach(cn -> {
      try {
        if (directory.server().getEntry(groupDn(cn)) == null) {
          group(cn);
        }
      } catch (LDAPException e) {
        throw new IllegalStateException(e);
      }
    });
    Map<String, Object> entry = entry(name, policy);
    List<Map<String, Object>> list = roles.entrySet().stream().map(r -> Map.<String, Object>of(
        "name", r.getKey(), "displayName", r.getKey(), "description", "The " + r.getKey() + " role.",
        "externalId", groupDn(r.getValue()), "hint", "")).toList();
    entry.put("strategy", Map.of("type", "ROLE", "system", "corp-ldap", "roleQuestion", "Which role?", "roles", list));
    new CatalogApi(sesame, ADMIN).create("for a test", entry).then().statusCode(201);
  }

  private static Map<String, Object> entry(String name, String policy) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("accessRule", "true");
    entry.put("appAdmins", List.of());
    entry.put("approvalFlow", policy);
    return entry;
  }

  /** POST /api/requests as this person, whatever the answer. */
  Response trySubmit(String login, String app, String role) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("app", app);
    if (role != null) {
      body.put("role", role);
    }
    return sesame.as(login).body(body).post("/api/requests");
  }

  /** Submits a request and returns its id. */
  String submit(String login, String app, String role) {
    return trySubmit(login, app, role).then().statusCode(201).extract().path("request.id");
  }

  Response approve(String login, String id) {
    return sesame.as(login).post("/api/requests/{id}/approve", id);
  }

  Response deny(String login, String id) {
    return sesame.as(login).body(Map.of("comment", "not needed")).post("/api/requests/{id}/deny", id);
  }

  /** The request as a catalog admin reads it. */
  Map<String, Object> request(String id) {
    return sesame.as(ADMIN).get("/api/requests/{id}", id).then().statusCode(200).extract().path("$");
  }

  String state(String id) {
    return (String) request(id).get("state");
  }

  void awaitState(String id, String state) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(state(id)).isEqualTo(state));
  }

  /** The request's audit events of this kind, newest first. */
  List<Map<String, Object>> audit(String id, String event) {
    return about("request:" + id, event);
  }

  /** The audit events about {@code subject} of this kind, newest first. */
  List<Map<String, Object>> about(String subject, String event) {
    return sesame.as(ADMIN).queryParam("subject", subject).queryParam("event", event)
        .get("/api/audit").then().statusCode(200).extract().path("$");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> details(Map<String, Object> event) {
    return (Map<String, Object>) event.get("details");
  }

  /**
   * Runs the actions on threads of their own, released together by a barrier, and returns their
   * results in the order given.
   */
  @SafeVarargs
  static <T> List<T> atOnce(java.util.concurrent.Callable<T>... actions) {
    java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(actions.length);
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(actions.length);
    try {
      List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
      for (java.util.concurrent.Callable<T> action : actions) {
        futures.add(threads.submit(() -> {
          barrier.await();
          return action.call();
        }));
      }
      List<T> out = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<T> f : futures) {
        out.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("a parallel action failed: " + e.getMessage(), e);
    } finally {
      threads.shutdownNow();
    }
  }

  /** The ids of the requests waiting for this person's decision. */
  List<String> approvals(String login) {
    return sesame.as(login).get("/api/approvals").then().statusCode(200).extract().path("id");
  }

  /** The person's grants as the API returns them. */
  List<Map<String, Object>> grants(String login) {
    return sesame.as(login).get("/api/grants").then().statusCode(200).extract().path("$");
  }
}
