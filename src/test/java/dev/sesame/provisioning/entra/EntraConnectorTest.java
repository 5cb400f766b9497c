package dev.sesame.provisioning.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sesame.common.UnavailableException;
import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Entra connector's own cases: tokens, nesting, paging, Retry-After and refusals. */
class EntraConnectorTest {

  private static final Person SAM = person("sam.patel", "sam.patel@brightwave.example");
  private static final Person ZOE = person("zoe.last", "zoe.last@brightwave.example");

  private FakeGraph graph;
  private EntraConnector connector;
  private String samId;
  private GroupExternalId figma;

  @BeforeEach
  void start() {
    graph = FakeGraph.start();
    samId = graph.user("sam.patel@brightwave.example", "sam.patel@brightwave.example", "sam.patel");
    figma = new GroupExternalId(graph.group("figma-users"));
    connector = EntraConformanceTest.connect(graph, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    graph.close();
  }

  // --- tokens --------------------------------------------------------------------------------

  @Test
  void addMember_whenCalledTwice_thenOneTokenRequestAndOneWriteEach() {
    connector.addMember(SAM, figma);
    connector.removeMember(SAM, figma);

    assertThat(graph.tokenRequests()).isEqualTo(1);
    assertThat(graph.writes()).isEqualTo(2);
  }

  @Test
  void addMember_whenTokenExpired_thenRenewedOnceAndApplied() {
    connector.findAccount(SAM);
    graph.expireTokens();

    assertThat(connector.addMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);

    assertThat(graph.tokenRequests()).isEqualTo(2);
  }

  @Test
  void addMember_whenSecretWrong_thenRejectedNamingTheSettings() {
    EntraConnector wrong = new EntraConnector(new ProvisioningSystemId("entra"), EntraSettings.from(Map.of(
        "authority", graph.url(), "graph-url", graph.url(), "tenant-id", FakeGraph.TENANT,
        "client-id", FakeGraph.CLIENT_ID, "client-secret", "wrong")), Clock.systemUTC());

    assertThat(wrong.addMember(SAM, figma)).isInstanceOfSatisfying(WriteResult.Rejected.class, rejected -> {
      assertThat(rejected.refusal()).isEqualTo(Refusal.INVALID_CONFIGURATION);
      assertThat(rejected.reason()).contains("AADSTS7000215", "client-secret");
    });
    assertThat(wrong.testConnection()).satisfies(check -> {
      assertThat(check.ok()).isFalse();
      assertThat(check.message()).contains("client-secret");
    });
  }

  @Test
  void testConnection_whenReachable_thenNamesTheTenant() {
    assertThat(connector.testConnection()).satisfies(check -> {
      assertThat(check.ok()).isTrue();
      assertThat(check.message()).contains("Brightwave");
    });
  }

  // --- nesting and paging --------------------------------------------------------------------

  @Test
  void isMember_whenThroughNestedGroup_thenTrueWithoutReadingMembers() {
    String designers = graph.group("designers");
    graph.addMember(designers, samId);
    graph.addMember(figma.value(), designers);

    assertThat(connector.isMember(SAM, figma)).isTrue();
    assertThat(graph.memberListReads()).isZero();
  }

  @Test
  void isMember_whenPersonIsOnLastPageOfLargeGroup_thenTrueWithoutReadingMembers() {
    GroupExternalId everyone = new GroupExternalId(graph.group("everyone"));
    for (int i = 0; i < FakeGraph.PAGE * 3; i++) {
      graph.addMember(everyone.value(), graph.user("p" + i + "@brightwave.example", "p" + i + "@brightwave.example",
          "p" + i));
    }
    String zoe = graph.user("zoe.last@brightwave.example", "zoe.last@brightwave.example", "zoe.last");
    graph.addMember(everyone.value(), zoe);

    assertThat(connector.isMember(ZOE, everyone)).isTrue();
    assertThat(connector.addMember(ZOE, everyone)).isInstanceOf(WriteResult.AlreadyInState.class);

    assertThat(graph.memberListReads()).isZero();
  }

  @Test
  void findAccount_whenManyUsersMatchAcrossPages_thenFollowsNextLinkAndPrefersPrincipalName() {
    for (int i = 0; i < FakeGraph.PAGE + 5; i++) {
      graph.user("other" + i + "@brightwave.example", "other" + i + "@brightwave.example", "zoe.last");
    }
    String zoe = graph.user("Zoe.Last@Brightwave.example", "zoe@elsewhere.example", "zl");

    assertThat(connector.findAccount(ZOE)).hasValueSatisfying(a -> assertThat(a.id().value()).isEqualTo(zoe));
    assertThat(graph.count("GET", "/v1.0/users?")).isEqualTo(2);
  }

  @Test
  void findAccount_whenSecondPageFails_thenUnavailableNeverEmpty() {
    for (int i = 0; i < FakeGraph.PAGE + 5; i++) {
      graph.user("other" + i + "@brightwave.example", "x" + i + "@brightwave.example", "sam.patel");
    }
    graph.failNext("GET", "/v1\\.0/users\\?.*skiptoken.*", FakeGraph.Fault.SERVER_ERROR, 1);
    assertThatThrownBy(() -> connector.isMember(SAM, figma)).isInstanceOf(UnavailableException.class);
  }

  // --- Retry-After ---------------------------------------------------------------------------

  @Test
  void addMember_whenThrottled_thenRetryAfterFromHeader() {
    graph.failNextWrites(FakeGraph.Fault.THROTTLE, 1);

    assertThat(connector.addMember(SAM, figma)).isInstanceOfSatisfying(WriteResult.RetryLater.class, retry -> {
      assertThat(retry.after()).isEqualTo(Duration.ofSeconds(FakeGraph.RETRY_AFTER_SECONDS));
      assertThat(retry.why()).isEqualTo(WriteResult.RetryLater.Why.THROTTLED);
      assertThat(retry.reason()).contains("TooManyRequests");
    });
  }

  @Test
  void addMember_whenServiceUnavailable_thenRetryAfterFromHeader() {
    graph.failNextWrites(FakeGraph.Fault.UNAVAILABLE, 1);

    assertThat(connector.addMember(SAM, figma)).isInstanceOfSatisfying(WriteResult.RetryLater.class,
        retry -> assertThat(retry.after()).isEqualTo(Duration.ofSeconds(12)));
    assertThat(connector.addMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
    assertThat(graph.writes()).isEqualTo(2);
  }

  // --- removal -------------------------------------------------------------------------------

  @Test
  void removeMember_whenGroupMissing_thenRejectedNotAlreadyRemoved() {
    assertThat(connector.removeMember(SAM, new GroupExternalId("11111111-2222-4333-8444-555555555555")))
        .isInstanceOfSatisfying(WriteResult.Rejected.class,
            rejected -> assertThat(rejected.refusal()).isEqualTo(Refusal.GROUP_NOT_FOUND));
  }

  @Test
  void addMember_whenApplied_thenReferenceNamesTheUser() {
    connector.addMember(SAM, figma);

    assertThat(graph.isDirectMember(figma.value(), samId)).isTrue();
  }

  private static Person person(String login, String email) {
    return new Person(new PersonId(login), email, login, "Engineer", "engineering", "Berlin", "DE",
        EmploymentType.FULL_TIME, null, Set.of(), true);
  }
}
