package dev.sesame.provisioning.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sesame.common.UnavailableException;
import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.ThrottledException;
import dev.sesame.provisioning.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Okta connector's own cases: rate limits, paging to the end, lookups and refusals. */
class OktaConnectorTest {

  private static final Person SAM = person("sam.patel", "sam.patel@brightwave.example");
  private static final Person ZOE = person("zoe.last", "zoe.last@brightwave.example");
  /** Sesame's own clock, a year off Okta's: retry times must come from Okta's Date header. */
  private static final Clock SKEWED = Clock.fixed(Instant.parse("2027-12-04T09:00:00Z"), ZoneOffset.UTC);

  private FakeOkta okta;
  private OktaConnector connector;
  private String samId;
  private GroupExternalId figma;

  @BeforeEach
  void start() {
    okta = FakeOkta.start();
    samId = okta.user("sam.patel@brightwave.example", "sam.patel@brightwave.example");
    figma = new GroupExternalId(okta.group("figma-users"));
    connector = OktaConformanceTest.connect(okta, SKEWED);
  }

  @AfterEach
  void stop() {
    okta.close();
  }

  // --- 429 -----------------------------------------------------------------------------------

  @Test
  void addMember_whenThrottledWithResetAheadOfDate_thenRetryLaterUntilResetAndSecondPutApplies() {
    okta.enforceResets();
    okta.failNextWrites(FakeOkta.Fault.THROTTLE, 1);

    WriteResult first = connector.addMember(SAM, figma);

    // The reset header came twice (reset - 20 s and reset): the later one counts, against Date.
    assertThat(first).isInstanceOfSatisfying(WriteResult.RetryLater.class, retry -> {
      assertThat(retry.after()).isEqualTo(FakeOkta.THROTTLE_WINDOW);
      assertThat(retry.why()).isEqualTo(WriteResult.RetryLater.Why.THROTTLED);
      assertThat(retry.reason()).contains("E0000047");
    });
    assertThat(first.done()).isFalse();

    okta.advance(((WriteResult.RetryLater) first).after());
    assertThat(connector.addMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);

    assertThat(okta.count("PUT", "/api/v1/groups/")).isEqualTo(2);
    assertThat(okta.isMember(figma.value(), samId)).isTrue();
  }

  @Test
  void addMember_whenRetriedBeforeReset_thenThrottledAgain() {
    okta.enforceResets();
    okta.failNextWrites(FakeOkta.Fault.THROTTLE, 1);
    connector.addMember(SAM, figma);
    okta.advance(Duration.ofSeconds(10));

    assertThat(connector.addMember(SAM, figma)).isInstanceOfSatisfying(WriteResult.RetryLater.class,
        retry -> assertThat(retry.after()).isEqualTo(FakeOkta.THROTTLE_WINDOW));
  }

  @Test
  void isMember_whenGroupsReadThrottled_thenThrottledExceptionWithReset() {
    okta.failNext("GET", "/api/v1/users/[^/]+/groups.*", FakeOkta.Fault.THROTTLE, 1);

    assertThatThrownBy(() -> connector.isMember(SAM, figma))
        .isInstanceOfSatisfying(ThrottledException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(FakeOkta.THROTTLE_WINDOW));
  }

  // --- paging --------------------------------------------------------------------------------

  @Test
  void isMember_whenPersonIsOnLastPageOfLargeGroup_thenTrueWithoutReadingMembers() {
    GroupExternalId big = bigGroupWithZoeLast(450);

    assertThat(connector.isMember(ZOE, big)).isTrue();
    assertThat(connector.addMember(ZOE, big)).isInstanceOf(WriteResult.AlreadyInState.class);

    assertThat(okta.memberListReads()).isZero();
    assertThat(okta.writes()).isZero();
  }

  @Test
  void isMember_whenPersonHasMoreGroupsThanOnePage_thenFollowsNextLinksToTheEnd() {
    for (int i = 0; i < FakeOkta.MAX_PAGE + 50; i++) {
      okta.addMember(okta.group("team-" + i), samId);
    }
    GroupExternalId last = new GroupExternalId(okta.group("the-last-one"));
    okta.addMember(last.value(), samId);

    assertThat(connector.isMember(SAM, last)).isTrue();

    assertThat(okta.count("GET", "/api/v1/users/" + samId + "/groups")).isEqualTo(2);
  }

  @Test
  void isMember_whenSecondPageFails_thenUnavailableNeverFalse() {
    for (int i = 0; i < FakeOkta.MAX_PAGE + 1; i++) {
      okta.addMember(okta.group("team-" + i), samId);
    }
    okta.failNext("GET", "/api/v1/users/[^/]+/groups\\?.*after=.*", FakeOkta.Fault.SERVER_ERROR, 1);

    assertThatThrownBy(() -> connector.isMember(SAM, figma)).isInstanceOf(UnavailableException.class);
    assertThat(connector.addMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
  }

  // --- lookups -------------------------------------------------------------------------------

  @Test
  void findAccount_whenOnlyLoginMatchesIgnoringCase_thenFoundById() {
    String id = okta.user("ZOE.LAST", "zoe@elsewhere.example");

    assertThat(connector.findAccount(ZOE)).hasValueSatisfying(account -> {
      assertThat(account.id().value()).isEqualTo(id);
      assertThat(account.login()).isEqualTo("ZOE.LAST");
    });
  }

  @Test
  void findAccount_whenEmailCarriesSearchSyntax_thenTakenLiterally() {
    Person sly = person("sly", "x\" or profile.login eq \"sam.patel@brightwave.example");

    assertThat(connector.findAccount(sly)).isEmpty();
  }

  @Test
  void findGroup_whenExists_thenNameFromProfile() {
    assertThat(connector.findGroup(figma)).hasValueSatisfying(
        group -> assertThat(group.displayName()).isEqualTo("figma-users"));
  }

  // --- refusals ------------------------------------------------------------------------------

  @Test
  void addMember_whenTokenInvalid_thenRejectedNamingApiToken() {
    OktaConnector wrong = new OktaConnector(new dev.sesame.provisioning.ProvisioningSystemId("okta"),
        OktaSettings.from(java.util.Map.of("org-url", okta.url(), "api-token", "not-the-token")), SKEWED);

    assertThat(wrong.addMember(SAM, figma)).isInstanceOfSatisfying(WriteResult.Rejected.class, rejected -> {
      assertThat(rejected.refusal()).isEqualTo(Refusal.INVALID_CONFIGURATION);
      assertThat(rejected.reason()).contains("E0000011", "api-token");
    });
    assertThat(wrong.testConnection()).satisfies(check -> {
      assertThat(check.ok()).isFalse();
      assertThat(check.message()).contains("api-token");
    });
  }

  @Test
  void testConnection_whenReachable_thenNamesTheAdmin() {
    assertThat(connector.testConnection().message()).contains("sesame-admin@brightwave.example");
  }

  // --- helpers -------------------------------------------------------------------------------

  private GroupExternalId bigGroupWithZoeLast(int size) {
    GroupExternalId big = new GroupExternalId(okta.group("everyone"));
    for (int i = 0; i < size - 1; i++) {
      okta.addMember(big.value(), okta.user("person" + i + "@brightwave.example", "person" + i + "@brightwave.example"));
    }
    okta.addMember(big.value(), okta.user("zoe.last@brightwave.example", "zoe.last@brightwave.example"));
    return big;
  }

  private static Person person(String login, String email) {
    return new Person(new PersonId(login), email, login, "Engineer", "engineering", "Berlin", "DE",
        EmploymentType.FULL_TIME, null, Set.of(), true);
  }
}
