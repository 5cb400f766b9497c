package dev.sesame.provisioning.scim;

import static org.assertj.core.api.Assertions.assertThat;

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

/** SCIM specifics beyond the conformance suite: filters, paging and the vendor variations. */
class ScimConnectorTest {

  private static final Person SAM = ScimConformanceTest.SAM;

  private FakeScim scim;
  private String nora;
  private GroupExternalId figma;

  @BeforeEach
  void start() {
    scim = FakeScim.start();
    scim.user("sam.patel@brightwave.example", "sam.patel@brightwave.example");
    nora = scim.user("nora.chen@brightwave.example", "nora.chen@brightwave.example");
    figma = new GroupExternalId(scim.group("figma-users"));
    scim.addMember(figma.value(), nora);
  }

  @AfterEach
  void stop() {
    scim.close();
  }

  @Test
  void isMember_whenPersonLastOfGroupLargerThanOnePage_thenTrueWithoutMemberListRead() {
    for (int i = 0; i < 249; i++) {
      scim.addMember(figma.value(), scim.user("m" + i + "@brightwave.example", "m" + i + "@brightwave.example"));
    }
    ScimConnector connector = ScimConformanceTest.connect(scim, Map.of());
    connector.addMember(SAM, figma);

    assertThat(connector.isMember(SAM, figma)).isTrue();
    assertThat(scim.membersOf(figma.value())).hasSize(251);
    assertThat(scim.memberListReads()).isZero();
  }

  @Test
  void findAccount_whenNameHasQuotesAndBackslash_thenFilterEscaped() {
    String id = scim.user("o\"brien\\x@brightwave.example", "o\"brien\\x@brightwave.example");
    Person quoted = person("obrien", "o\"brien\\x@brightwave.example");

    assertThat(ScimConformanceTest.connect(scim, Map.of()).findAccount(quoted))
        .hasValueSatisfying(a -> assertThat(a.id().value()).isEqualTo(id));
  }

  @Test
  void findAccount_whenUserNameIsNotTheEmail_thenFoundByLoginOrEmails() {
    String byLogin = scim.user("Lena.Vogt", "lena@other.example");
    String byEmail = scim.user("employee-4711", "ivo.petrov@brightwave.example");
    ScimConnector connector = ScimConformanceTest.connect(scim, Map.of());

    assertThat(connector.findAccount(person("lena.vogt", "lena.vogt@brightwave.example")))
        .hasValueSatisfying(a -> assertThat(a.id().value()).isEqualTo(byLogin));
    assertThat(connector.findAccount(person("ivo.petrov", "ivo.petrov@brightwave.example")))
        .hasValueSatisfying(a -> assertThat(a.id().value()).isEqualTo(byEmail));
  }

  @Test
  void readAll_whenServerPagesByOne_thenEveryResourceRead() throws Exception {
    scim.pageSize(1);
    ScimApi api = new ScimApi(new ProvisioningSystemId("scim"), ScimSettings.from(Map.of("base-url", scim.url(),
        "bearer-token", FakeScim.TOKEN)), Clock.systemUTC());

    assertThat(api.readAll("/Users", "attributes=id", "list users")).hasSize(2);
    assertThat(scim.calls()).filteredOn(c -> c.path().startsWith("/scim/v2/Users")).hasSize(2);
  }

  @Test
  void removeMember_whenFilteredPath_thenOnlyThatMemberGone() {
    ScimConnector connector = ScimConformanceTest.connect(scim, Map.of());
    connector.addMember(SAM, figma);

    assertThat(connector.removeMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);

    assertThat(scim.membersOf(figma.value())).containsExactly(nora);
    assertThat(scim.calls()).filteredOn(c -> c.method().equals("PATCH")).hasSize(2);
  }

  @Test
  void writes_whenPatchAnswers200WithResource_thenAppliedWithoutMemberListRead() {
    scim.patchReturnsResource(true);
    ScimConnector connector = ScimConformanceTest.connect(scim, Map.of());

    assertThat(connector.addMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
    assertThat(connector.removeMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);

    assertThat(scim.membersOf(figma.value())).containsExactly(nora);
    assertThat(scim.memberListReads()).isZero();
  }

  @Test
  void writes_whenServerTakesOnlyCapitalizedOps_thenOpCaseSettingWorks() {
    scim.onlyOpSpelling("capitalized");

    assertThat(ScimConformanceTest.connect(scim, Map.of()).addMember(SAM, figma))
        .isInstanceOf(WriteResult.Rejected.class);
    ScimConnector connector = ScimConformanceTest.connect(scim, Map.of("op-case", "capitalized"));
    assertThat(connector.addMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
    assertThat(connector.removeMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
  }

  @Test
  void removeMember_whenServerRejectsFilteredPaths_thenValueListOnceRejectedAndGroupKept() {
    scim.flavor(FakeScim.Flavor.AZURE);
    ScimConnector connector = ScimConformanceTest.connect(scim, Map.of("remove-style", "value-list-when-rejected"));
    connector.addMember(SAM, figma);

    assertThat(connector.removeMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
    assertThat(scim.membersOf(figma.value())).containsExactly(nora);
    assertThat(scim.writes()).as("add, rejected filtered remove, value-list remove").isEqualTo(3);

    connector.addMember(SAM, figma);
    assertThat(connector.removeMember(SAM, figma)).isInstanceOf(WriteResult.Applied.class);
    assertThat(scim.writes()).as("then one write per change").isEqualTo(5);
    assertThat(scim.membersOf(figma.value())).containsExactly(nora);
  }

  @Test
  void removeMember_whenServerRejectsFilteredPathsAndNotConfigured_thenInvalidConfigurationAndGroupKept() {
    scim.flavor(FakeScim.Flavor.AZURE);
    ScimConnector connector = ScimConformanceTest.connect(scim, Map.of());
    connector.addMember(SAM, figma);

    assertThat(connector.removeMember(SAM, figma)).isInstanceOfSatisfying(WriteResult.Rejected.class, r -> {
      assertThat(r.refusal()).isEqualTo(Refusal.INVALID_CONFIGURATION);
      assertThat(r.reason()).contains("remove-style");
    });
    assertThat(scim.membersOf(figma.value())).containsExactlyInAnyOrder(nora,
        connector.findAccount(SAM).orElseThrow().id().value());
  }

  @Test
  void removeMember_whenGroupMissing_thenGroupNotFound() {
    ScimConnector connector = ScimConformanceTest.connect(scim, Map.of());

    assertThat(connector.removeMember(SAM, new GroupExternalId("no-such-group")))
        .isInstanceOfSatisfying(WriteResult.Rejected.class,
            r -> assertThat(r.refusal()).isEqualTo(Refusal.GROUP_NOT_FOUND));
  }

  @Test
  void addMember_whenThrottled_thenRetryAfterHonoured() {
    scim.failNextWrites(FakeScim.Fault.THROTTLE, 1);

    assertThat(ScimConformanceTest.connect(scim, Map.of()).addMember(SAM, figma))
        .isInstanceOfSatisfying(WriteResult.RetryLater.class,
            r -> assertThat(r.after()).isEqualTo(Duration.ofSeconds(FakeScim.RETRY_AFTER_SECONDS)));
  }

  @Test
  void membership_whenUserGroupsCheck_thenReadFromUser() {
    ScimConnector connector = ScimConformanceTest.connect(scim, Map.of("membership-check", "user-groups"));

    assertThat(connector.isMember(SAM, figma)).isFalse();
    connector.addMember(SAM, figma);
    assertThat(connector.isMember(SAM, figma)).isTrue();
    assertThat(scim.memberListReads()).isZero();
  }

  @Test
  void validate_whenEmptyOrWrongChoice_thenFieldsNamed() {
    assertThat(ScimSettings.validate(Map.of("remove-style", "bare")))
        .extracting(e -> e.field()).containsExactlyInAnyOrder("base-url", "bearer-token", "remove-style");
    assertThat(ScimSettings.validate(Map.of("base-url", "https://x.example/scim/v2", "bearer-token", "t"))).isEmpty();
  }

  private static Person person(String login, String email) {
    return new Person(new PersonId(login), email, login, "Engineer", "engineering", "Berlin", "DE",
        EmploymentType.FULL_TIME, null, Set.of(), true);
  }
}
