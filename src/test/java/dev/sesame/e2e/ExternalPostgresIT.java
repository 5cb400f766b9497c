package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Production's database setting: Sesame on an external PostgreSQL (Debian's, an older major
 * version than the embedded one) instead of the embedded one, from chat to group membership.
 */
class ExternalPostgresIT {

  @Test
  void externalDatabase_whenConfigured_thenEverythingIsStoredThereAndTheMainJobWorks() throws Exception {
    try (DebianPostgres postgres = DebianPostgres.start();
        RunningSesame sesame = RunningSesame.fresh(Map.of(
            "spring.datasource.url", postgres.jdbcUrl(),
            "spring.datasource.username", "postgres"))) {
      sesame.chat("alex.kim", "can I get figma?");
      assertThat(sesame.chat("alex.kim", "yes")).contains("Request submitted for **Figma**");
      assertThat(sesame.chat("priya.nair", "approve 1")).contains("Approved");
      // The directory shows the membership first; the request is marked fulfilled right after.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          sesame.as("alex.kim").get("/api/requests").then().extract().<String>path("[0].state")).isEqualTo("FULFILLED"));
      assertThat(sesame.membersOf("cn=figma-users,ou=groups,dc=brightwave,dc=example"))
          .contains("uid=alex.kim,ou=people,dc=brightwave,dc=example");

      try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
          ResultSet rs = db.createStatement().executeQuery(
              "select state, current_setting('server_version_num')::int / 10000 as major from access_request")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("state")).isEqualTo("FULFILLED");
        assertThat(rs.getInt("major")).isEqualTo(Integer.parseInt(postgres.version()));
      }
    }
  }
}
