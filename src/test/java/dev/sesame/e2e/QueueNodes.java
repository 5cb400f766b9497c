package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * What the provisioning queue tests share: the demo company's people, an auto-approved group app,
 * many requests submitted at once, and counting rows in the database.
 */
final class QueueNodes {

  static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  static final String PEOPLE = ",ou=people,dc=brightwave,dc=example";
  static final String ADMIN = "sam.patel";

  private QueueNodes() {}

  /** Everyone in the demo company but the catalog admins, in the order of the LDIF. */
  static List<String> people() {
    try (InputStream ldif = QueueNodes.class.getResourceAsStream("/directory/brightwave.ldif")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(ldif.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("uid: ")) {
          String uid = line.substring(5).strip();
          if (!uid.equals("sam.patel") && !uid.equals("erin.cole")) {
            out.add(uid);
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The settings that put a node on this database and directory. */
  static Map<String, String> settings(DebianPostgres postgres, ScriptedDirectory directory) {
    Map<String, String> settings = new LinkedHashMap<>(directory.properties());
    settings.put("spring.datasource.url", postgres.jdbcUrl());
    settings.put("spring.datasource.username", "postgres");
    // A busy directory asks for 30 s; the tests wait one second at most between attempts.
    settings.put("sesame.provisioning.max-delay", "1s");
    return settings;
  }

  /** Adds an empty group to the directory and an auto-approved app that adds people to it. */
  static void groupApp(SesameProcess node, ScriptedDirectory directory, String name, String cn) throws Exception {
    directory.server().add("dn: cn=" + cn + GROUPS, "objectClass: groupOfNames", "cn: " + cn);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("accessRule", "true");
    entry.put("appAdmins", List.of());
    entry.put("approvalFlow", "AUTO_APPROVE");
    entry.put("strategy", Map.of("type", "GROUP", "system", "corp-ldap", "externalId", "cn=" + cn + GROUPS));
    node.as(ADMIN).body(Map.of("changeDescription", "for a test", "app", entry)).post("/api/apps")
        .then().statusCode(201);
  }

  /** Submits {@code count} requests, the {@code i}th through {@code node.apply(i)}, eight at a time. */
  static void submit(int count, IntFunction<SesameProcess> node, IntFunction<String> person, IntFunction<String> app)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        answers.add(pool.submit(() -> node.apply(n).as(person.apply(n)).body(Map.of("app", app.apply(n)))
            .post("/api/requests").statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The first column of the first row of {@code sql}, as a number. */
  static long count(DebianPostgres postgres, String sql, Object... params) {
    try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
        var statement = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The members of a group, read from the directory itself. */
  static List<String> members(ScriptedDirectory directory, String cn) throws Exception {
    String[] values = directory.server().getEntry("cn=" + cn + GROUPS).getAttributeValues("member");
    return values == null ? List.of() : List.of(values);
  }
}
