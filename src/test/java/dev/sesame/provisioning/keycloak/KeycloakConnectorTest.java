package dev.sesame.provisioning.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sesame.common.FieldError;
import dev.sesame.common.UnavailableException;
import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.ConnectionCheck;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keycloak specifics beyond the conformance suite: paging the person's groups, lookups, tokens. */
class KeycloakConnectorTest {

  private static final Person SAM = KeycloakConformanceTest.SAM;

  private FakeKeycloak keycloak;
  private String sam;
  private GroupExternalId figma;

  @BeforeEach
  void start() {
    keycloak = FakeKeycloak.start();
    sam = keycloak.user("sam.patel", "sam.patel@brightwave.example");
    figma = new GroupExternalId(keycloak.group("figma-users"));
  }

  @AfterEach
  void stop() {
    keycloak.close();
  }

  @Test
  void isMember_whenGroupOnLastPageOfPersonsGroups_thenTrueAfterReadingEveryPage() {
    for (int i = 0; i < 2 * KeycloakApi.PAGE + 49; i++) {
      keycloak.addMember(keycloak.group("team-" + i), sam);
    }
    keycloak.addMember(figma.value(), sam);

    assertThat(KeycloakConformanceTest.connect(keycloak).isMember(SAM, figma)).isTrue();
    assertThat(keycloak.userGroupPages()).isEqualTo(3);
    assertThat(keycloak.memberListReads()).isZero();
  }

  @Test
  void isMember_whenLastPageFails_thenUnavailableNeverFalse() {
    for (int i = 0; i < KeycloakApi.PAGE + 10; i++) {
      keycloak.addMember(keycloak.group("team-" + i), sam);
    }
    keycloak.addMember(figma.value(), sam);
    keycloak.failNext("GET", ".*/users/[^/]+/groups\\?.*first=" + KeycloakApi.PAGE + "&.*",
        FakeKeycloak.Fault.SERVER_ERROR, 1);
    KeycloakConnector connector = KeycloakConformanceTest.connect(keycloak);

    assertThatThrownBy(() -> connector.isMember(SAM, figma)).isInstanceOf(UnavailableException.class);
    assertThat(keycloak.userGroupPages()).isEqualTo(2);
    assertThat(connector.isMember(SAM, figma)).isTrue();
  }

  @Test
  void findAccount_whenUsernameDiffers_thenFoundByEmail() {
    String lena = keycloak.user("lvogt", "Lena.Vogt@Brightwave.example");
    Person person = new Person(new PersonId("lena.vogt"), "lena.vogt@brightwave.example", "Lena Vogt", "Engineer",
        "engineering", "Berlin", "DE", EmploymentType.FULL_TIME, null, Set.of(), true);

    assertThat(KeycloakConformanceTest.connect(keycloak).findAccount(person))
        .hasValueSatisfying(a -> assertThat(a.id().value()).isEqualTo(lena));
  }

  @Test
  void calls_whenTokenExpires_thenRenewedOnce() {
    KeycloakConnector connector = KeycloakConformanceTest.connect(keycloak);
    connector.addMember(SAM, figma);
    assertThat(keycloak.tokenRequests()).isEqualTo(1);

    keycloak.expireTokens();

    assertThat(connector.removeMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
    assertThat(keycloak.tokenRequests()).isEqualTo(2);
  }

  @Test
  void testConnection_whenSecretWrong_thenNotOkNamingSettings() {
    KeycloakConnector connector = new KeycloakConnector(new ProvisioningSystemId("keycloak"), KeycloakSettings.from(
        Map.of("base-url", keycloak.url(), "realm", FakeKeycloak.REALM, "client-id", FakeKeycloak.CLIENT_ID,
            "client-secret", "wrong")), Clock.systemUTC());

    ConnectionCheck check = connector.testConnection();

    assertThat(check.ok()).isFalse();
    assertThat(check.message()).contains("unauthorized_client", "client-secret").doesNotContain("wrong");
  }

  @Test
  void addMember_whenThrottledByProxy_thenRetryAfterHonoured() {
    keycloak.failNextWrites(FakeKeycloak.Fault.THROTTLE, 1);

    assertThat(KeycloakConformanceTest.connect(keycloak).addMember(SAM, figma))
        .isInstanceOfSatisfying(WriteResult.RetryLater.class,
            r -> assertThat(r.after()).isEqualTo(Duration.ofSeconds(FakeKeycloak.RETRY_AFTER_SECONDS)));
  }

  @Test
  void findGroup_whenExists_thenPathAsName() {
    assertThat(KeycloakConformanceTest.connect(keycloak).findGroup(figma))
        .hasValueSatisfying(g -> assertThat(g.displayName()).isEqualTo("/figma-users"));
  }

  @Test
  void validate_whenEmpty_thenEachNamed() {
    assertThat(KeycloakSettings.validate(Map.of("realm", "a/b")))
        .extracting(FieldError::field).containsExactlyInAnyOrder("base-url", "realm", "client-id", "client-secret");
  }
}
