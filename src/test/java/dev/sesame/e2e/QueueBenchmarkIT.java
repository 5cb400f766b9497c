package dev.sesame.e2e;

import static dev.sesame.e2e.QueueNodes.GROUPS;
import static dev.sesame.e2e.QueueNodes.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed test: the end-to-end rate of auto-approved group requests through the
 * queue into the LDAP directory (submitted over HTTP, four at a time, until every one is
 * FULFILLED) and of the queue alone (the same number of requests waiting while the directory holds
 * every write, then drained into it), next to two baselines measured in the same run on the same servers: the same number
 * of LDAP modifies (membership adds, one connection, one after the other) and of single-row
 * PostgreSQL inserts (one connection, autocommit). It prints the figures and their ratios and
 * writes them to {@code target/benchmarks/provisioning-queue.txt}; it asserts only that the work
 * was done.
 *
 * <p>{@code -Dsesame.benchmark.requests=N} sets the number (default 60, at most the 335 people of
 * the demo company); {@link #main} runs it outside Maven.
 */
class QueueBenchmarkIT {

  private static final String APP = "Bench Tool";
  private static final String QUEUE_APP = "Bench Queue";

  /** Nanoseconds from the release of the held directory until every request was fulfilled. */
  private static long drained;

  /** Nanoseconds until the last submission was answered, in the last run. */
  private static long submitted;

  @Test
  void benchmark_endToEndRate_nextToRawLdapModifiesAndPostgresInserts() throws Exception {
    int n = Math.min(Integer.getInteger("sesame.benchmark.requests", 60), QueueNodes.people().size());
    String report = run(n);
    System.out.println(report);
    Path out = Path.of("target", "benchmarks", "provisioning-queue.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  /** Runs the benchmark with {@code args[0]} requests (default 300). */
  public static void main(String[] args) throws Exception {
    System.out.println(run(args.length > 0 ? Integer.parseInt(args[0]) : 300));
    System.exit(0);
  }

  static String run(int n) throws Exception {
    List<String> people = QueueNodes.people().subList(0, n);
    try (ScriptedDirectory directory = ScriptedDirectory.start();
        RunningSesame sesame = RunningSesame.fresh(directory.properties())) {
      directory.server().add("dn: cn=bench-tool" + GROUPS, "objectClass: groupOfNames", "cn: bench-tool");
      directory.server().add("dn: cn=bench-queue" + GROUPS, "objectClass: groupOfNames", "cn: bench-queue");
      directory.server().add("dn: cn=bench-raw" + GROUPS, "objectClass: groupOfNames", "cn: bench-raw");
      app(sesame, APP, "bench-tool");
      app(sesame, QUEUE_APP, "bench-queue");
      DataSource db = sesame.bean(DataSource.class);
      // Warm up the HTTP, login and request paths once, outside the measurement.
      sesame.as(QueueNodes.ADMIN).get("/api/requests").then().statusCode(200);

      long http = authenticatedGets(sesame, people.subList(0, Math.min(20, n)));
      long e2e = endToEnd(sesame, db, people, APP);
      long e2eSubmitted = submitted;
      // The queue alone: the directory holds every write while the requests come in, then the
      // jobs drain (the one or two already waiting on the directory included).
      directory.holdModifies();
      endToEnd(sesame, db, people, QUEUE_APP, () -> directory.releaseModifies());
      long queue = drained;
      long ldap = rawLdap(directory, people);
      long pg = rawInserts(db, n);

      assertThat(directory.changes()).filteredOn(c -> c.group().equalsIgnoreCase("cn=bench-tool" + GROUPS)).hasSize(n);
      assertThat(directory.changes()).filteredOn(c -> c.group().equalsIgnoreCase("cn=bench-queue" + GROUPS)).hasSize(n);
      double e2eRate = rate(n, e2e);
      double queueRate = rate(n, queue);
      double httpRate = rate(Math.min(20, n), http);
      double ldapRate = rate(n, ldap);
      double pgRate = rate(n, pg);
      return String.format(java.util.Locale.ROOT, """
          Provisioning queue benchmark, N = %d (%d cores, load average %s; %s job threads, job poll every %s)
            end to end, submit -> FULFILLED : %8.1f requests/s  (%d ms; the last submission answered after %d ms)
            the queue alone, into LDAP      : %8.1f requests/s  (%d ms to drain N waiting jobs)
            raw LDAP modifies, 1 connection : %8.1f modifies/s  (%d ms)
            raw PostgreSQL inserts, 1 conn. : %8.1f inserts/s   (%d ms)
            (context) signed-in HTTP GETs   : %8.1f requests/s  (one after the other)
            end to end / LDAP modifies      : %8.3f
            end to end / PostgreSQL inserts : %8.3f
            queue alone / LDAP modifies     : %8.3f
            queue alone / PostgreSQL inserts: %8.3f
            LDAP modifies / PostgreSQL      : %8.3f
          """, n, Runtime.getRuntime().availableProcessors(), load(),
          sesame.bean(dev.sesame.platform.PlatformSettings.class).jobs().threads(),
          sesame.bean(dev.sesame.platform.PlatformSettings.class).jobs().pollInterval(),
          e2eRate, e2e / 1_000_000, e2eSubmitted / 1_000_000, queueRate, queue / 1_000_000,
          ldapRate, ldap / 1_000_000, pgRate, pg / 1_000_000, httpRate,
          e2eRate / ldapRate, e2eRate / pgRate, queueRate / ldapRate, queueRate / pgRate, ldapRate / pgRate);
    }
  }

  private static void app(RunningSesame sesame, String name, String cn) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("accessRule", "true");
    entry.put("appAdmins", List.of());
    entry.put("approvalFlow", "AUTO_APPROVE");
    entry.put("strategy", Map.of("type", "GROUP", "system", "corp-ldap", "externalId", "cn=" + cn + GROUPS));
    new CatalogApi(sesame, QueueNodes.ADMIN).create("benchmark", entry).then().statusCode(201);
  }

  /** Nanoseconds for one authenticated GET per person, one after the other: the cost of a request's login. */
  private static long authenticatedGets(RunningSesame sesame, List<String> people) {
    long start = System.nanoTime();
    for (String person : people) {
      sesame.as(person).get("/api/grants").then().statusCode(200);
    }
    return System.nanoTime() - start;
  }

  private static long endToEnd(RunningSesame sesame, DataSource db, List<String> people, String app) throws Exception {
    return endToEnd(sesame, db, people, app, () -> {});
  }

  /**
   * Nanoseconds from the first submission until every request is FULFILLED; {@code submittedAll}
   * runs when the last submission was answered, and {@link #drained} counts from then.
   */
  private static long endToEnd(RunningSesame sesame, DataSource db, List<String> people, String app,
      Runnable submittedAll) throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (String person : people) {
        answers.add(pool.submit(() -> sesame.as(person).body(Map.of("app", app)).post("/api/requests").statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    submitted = System.nanoTime() - start;
    long released = System.nanoTime();
    submittedAll.run();
    try (Connection c = db.getConnection();
        PreparedStatement fulfilled = c.prepareStatement(
            "select count(*) from access_request where app_name = ? and state = 'FULFILLED'")) {
      fulfilled.setString(1, app);
      long deadline = System.nanoTime() + 300_000_000_000L;
      while (System.nanoTime() < deadline) {
        try (var rs = fulfilled.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == people.size()) {
            drained = System.nanoTime() - released;
            return System.nanoTime() - start;
          }
        }
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("not every request was fulfilled within five minutes");
  }

  /** Nanoseconds for one membership add per person into another group, on one connection. */
  private static long rawLdap(ScriptedDirectory directory, List<String> people) throws Exception {
    LDAPURL url = new LDAPURL(directory.properties().get("sesame.directory.url"));
    try (LDAPConnection ldap = new LDAPConnection(url.getHost(), url.getPort(), ScriptedDirectory.BIND_DN,
        directory.properties().get("sesame.directory.bind-password"))) {
      long start = System.nanoTime();
      for (String person : people) {
        ldap.modify("cn=bench-raw" + GROUPS, new Modification(ModificationType.ADD, "member", "uid=" + person + PEOPLE));
      }
      return System.nanoTime() - start;
    }
  }

  /** Nanoseconds for {@code n} single-row inserts, each its own transaction, on one connection. */
  private static long rawInserts(DataSource db, int n) throws Exception {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(true);
      c.createStatement().execute("create table bench_insert (id bigserial primary key, body text not null)");
      try (PreparedStatement insert = c.prepareStatement("insert into bench_insert (body) values (?)")) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
          insert.setString(1, "row " + i);
          insert.executeUpdate();
        }
        return System.nanoTime() - start;
      }
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static double rate(int n, long nanos) {
    return n / (nanos / 1e9);
  }
}
