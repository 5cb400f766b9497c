package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Systems from configuration are the initial ones: on the first start they are stored, their
 * password encrypted, and the default {@code corp-ldap} is not added.
 */
class ProvisioningSystemsSeedIT {

  private static final String ADMIN = "sam.patel";
  private static final String SEED_PASSWORD = "seed-Secret-4711";
  private static final String SECRETS_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  private static RunningSesame sesame;

  @BeforeAll
  static void start() {
    sesame = RunningSesame.fresh(Map.of(
        "sesame.catalog.seed", "",
        "sesame.secrets.key", SECRETS_KEY,
        "sesame.provisioning.systems.hr-ldap.kind", "ldap",
        "sesame.provisioning.systems.hr-ldap.url", "ldap://127.0.0.1:1",
        "sesame.provisioning.systems.hr-ldap.bind-dn", "cn=sesame,ou=services,dc=example,dc=com",
        "sesame.provisioning.systems.hr-ldap.bind-password", SEED_PASSWORD));
  }

  @AfterAll
  static void stop() {
    sesame.close();
  }

  @Test
  void firstStart_whenSystemsConfigured_thenStoredWithTheirPasswordEncrypted() {
    String api = sesame.as(ADMIN).get("/api/systems").then().statusCode(200).extract().asString();
    List<String> names = sesame.as(ADMIN).get("/api/systems").then().extract().path("name");
    assertThat(names).containsExactly("hr-ldap");
    assertThat(api).contains("\"secretsSet\":[\"bind-password\"]").contains("ldap://127.0.0.1:1")
        .doesNotContain(SEED_PASSWORD);

    JdbcClient jdbc = JdbcClient.create(sesame.bean(DataSource.class));
    Map<String, Object> row = jdbc.sql("select settings::text as settings, secrets from provisioning_system")
        .query().singleRow();
    assertThat((String) row.get("settings")).doesNotContain(SEED_PASSWORD);
    assertThat(new String((byte[]) row.get("secrets"), StandardCharsets.ISO_8859_1)).doesNotContain(SEED_PASSWORD);
  }
}
