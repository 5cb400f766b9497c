package dev.sesame.provisioning.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.common.FieldError;
import dev.sesame.directory.Person;
import dev.sesame.provisioning.ConnectionCheck;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Google specifics beyond the conformance suite: delegation, nesting, rate limits, settings. */
class GoogleConnectorTest {

  private static final Person SAM = GoogleConformanceTest.SAM;

  private FakeGoogle google;
  private GroupExternalId figma;
  private String figmaId;

  @BeforeEach
  void start() {
    google = FakeGoogle.start();
    google.user("sam.patel@brightwave.example");
    figmaId = google.group("figma-users@brightwave.example");
    figma = new GroupExternalId("figma-users@brightwave.example");
  }

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void isMember_whenPersonLastOfGroupLargerThanOnePage_thenTrueWithoutMemberListRead() {
    for (int i = 0; i < FakeGoogle.PAGE + 50; i++) {
      google.addMember(figmaId, google.user("m" + i + "@brightwave.example"));
    }
    GoogleConnector connector = GoogleConformanceTest.connect(google);
    connector.addMember(SAM, figma);

    assertThat(connector.isMember(SAM, figma)).isTrue();
    assertThat(google.membersOf(figmaId)).hasSize(FakeGoogle.PAGE + 51);
    assertThat(google.memberListReads()).isZero();
  }

  @Test
  void membership_whenThroughNestedGroup_thenMember() {
    String designers = google.group("designers@brightwave.example");
    google.addMember(figmaId, designers);
    GoogleConnector connector = GoogleConformanceTest.connect(google);
    connector.addMember(SAM, new GroupExternalId(designers));

    assertThat(connector.isMember(SAM, figma)).isTrue();
  }

  @Test
  void findGroup_whenById_thenFoundWithName() {
    assertThat(GoogleConformanceTest.connect(google).findGroup(new GroupExternalId(figmaId)))
        .hasValueSatisfying(g -> assertThat(g.displayName()).isEqualTo("figma-users"));
  }

  @Test
  void calls_whenMany_thenOneTokenAndRenewedOnceAfterExpiry() {
    GoogleConnector connector = GoogleConformanceTest.connect(google);
    connector.addMember(SAM, figma);
    connector.isMember(SAM, figma);
    assertThat(google.tokenRequests()).isEqualTo(1);

    google.expireTokens();

    assertThat(connector.removeMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
    assertThat(google.tokenRequests()).isEqualTo(2);
  }

  @Test
  void testConnection_whenAdminNotDelegated_thenNotOkNamingDelegation() {
    GoogleConnector connector = new GoogleConnector(new ProvisioningSystemId("google"), GoogleSettings.from(Map.of(
        "service-account-key", google.serviceAccountKey(), "admin-email", "someone@brightwave.example",
        "auth-url", google.tokenUrl(), "api-url", google.url())), Clock.systemUTC());

    ConnectionCheck check = connector.testConnection();

    assertThat(check.ok()).isFalse();
    assertThat(check.message()).contains("unauthorized_client", "domain-wide delegation");
  }

  @Test
  void addMember_whenThrottledWithRetryAfter_thenThatDelay() {
    google.failNextWrites(FakeGoogle.Fault.THROTTLE, 1);

    assertThat(GoogleConformanceTest.connect(google).addMember(SAM, figma))
        .isInstanceOfSatisfying(WriteResult.RetryLater.class, r -> {
          assertThat(r.after()).isEqualTo(Duration.ofSeconds(FakeGoogle.RETRY_AFTER_SECONDS));
          assertThat(r.why()).isEqualTo(WriteResult.RetryLater.Why.THROTTLED);
        });
  }

  @Test
  void addMember_whenRateLimitedWith403_thenThrottledWithBackoff() {
    google.failNextWrites(FakeGoogle.Fault.THROTTLE_403, 1);
    GoogleConnector connector = GoogleConformanceTest.connect(google);

    assertThat(connector.addMember(SAM, figma))
        .isInstanceOfSatisfying(WriteResult.RetryLater.class, r -> {
          assertThat(r.after()).isEqualTo(GoogleApi.BACKOFF);
          assertThat(r.why()).isEqualTo(WriteResult.RetryLater.Why.THROTTLED);
        });
    assertThat(connector.addMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
  }

  @Test
  void removeMember_whenGroupMissing_thenGroupNotFoundNotAlreadyRemoved() {
    assertThat(GoogleConformanceTest.connect(google).removeMember(SAM,
        new GroupExternalId("gone@brightwave.example")))
        .isInstanceOfSatisfying(WriteResult.Rejected.class,
            r -> assertThat(r.refusal()).isEqualTo(Refusal.GROUP_NOT_FOUND));
  }

  @Test
  void validate_whenKeyNotAServiceAccount_thenNamedWithoutQuotingIt() {
    assertThat(GoogleSettings.validate(Map.of("service-account-key", "{\"private_key\": \"s3cr3t\"}",
        "admin-email", "it-admin")))
        .extracting(FieldError::field).containsExactlyInAnyOrder("service-account-key", "admin-email");
    assertThat(GoogleSettings.validate(Map.of("service-account-key", "not json s3cr3t")))
        .allSatisfy(e -> assertThat(e.reason()).doesNotContain("s3cr3t"));
    assertThat(GoogleSettings.validate(Map.of("service-account-key", google.serviceAccountKey(),
        "admin-email", FakeGoogle.ADMIN))).isEmpty();
  }

  @Test
  void toString_whenPrinted_thenNoKey() {
    GoogleSettings settings = GoogleSettings.from(Map.of("service-account-key", google.serviceAccountKey(),
        "admin-email", FakeGoogle.ADMIN));

    assertThat(settings.toString()).doesNotContain("PRIVATE").doesNotContain("privateKey");
  }
}
