package dev.sesame.provisioning.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.Capability;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.Membership;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LDAP connector with {@code flavour: active-directory} against {@link ActiveDirectoryFake}:
 * people found by {@code sAMAccountName} or {@code userPrincipalName} ignoring case, a group of
 * 1,600 members served in ranges of 1,500, and nested groups checked with the in-chain rule.
 */
class ActiveDirectoryConnectorIT {

  private static final String BASE = LdapConformanceTest.BASE;
  private static final String MARA_DN = "cn=Lind\\, Mara (Contractor),ou=people," + BASE;
  private static final String JO_DN = "uid=jo.berg,ou=people," + BASE;
  private static final GroupExternalId ALL_STAFF = new GroupExternalId("cn=all-staff,ou=groups," + BASE);
  private static final GroupExternalId EVERYONE = new GroupExternalId("cn=everyone,ou=groups," + BASE);
  private static final GroupExternalId EU_CONTRACTORS = new GroupExternalId("cn=EU contractors,ou=groups," + BASE);
  private static final Person MARA = person("mara.lind");
  private static final Person JO = person("jo.berg");

  private ActiveDirectoryFake ad;
  private LdapConnector connector;

  @BeforeEach
  void start() {
    ad = ActiveDirectoryFake.start();
    // 1,600 members; Mara is number 1,550.
    List<String> staff = new ArrayList<>();
    for (int i = 1; i <= 1600; i++) {
      staff.add(i == 1550 ? MARA_DN : "cn=Staff " + i + ",ou=people," + BASE);
    }
    ad.group(ALL_STAFF.value(), staff);
    // 1,600 members; number 1,580 is Finance (EU), which holds EU contractors, which holds Jo.
    List<String> everyone = new ArrayList<>();
    for (int i = 1; i <= 1600; i++) {
      everyone.add(i == 1580 ? LdapConformanceTest.FINANCE_EU.value() : "cn=Person " + i + ",ou=people," + BASE);
    }
    ad.group(EVERYONE.value(), everyone);
    ad.group(EU_CONTRACTORS.value(), List.of(JO_DN));
    ad.nest(LdapConformanceTest.FINANCE_EU.value(), EU_CONTRACTORS.value());
    connector = connect(Map.of());
  }

  @AfterEach
  void stop() {
    connector.close();
    ad.close();
  }

  @Test
  void findAccount_whenSamAccountNameDiffersInCase_thenFound() {
    assertThat(connector.findAccount(MARA)).hasValueSatisfying(account -> {
      assertThat(account.id().value()).isEqualTo(MARA_DN);
      assertThat(account.login()).isEqualTo("MARA.LIND");
    });
  }

  @Test
  void findAccount_whenLoginAttributeIsUserPrincipalName_thenFoundByEmailIgnoringCase() {
    try (LdapConnector upn = connect(Map.of("login-attribute", "userPrincipalName"))) {
      assertThat(upn.findAccount(MARA)).hasValueSatisfying(
          account -> assertThat(account.login()).isEqualTo("mara.lind@BRIGHTWAVE.example"));
      assertThat(upn.findAccount(person("nobody.here"))).isEmpty();
    }
  }

  @Test
  void isMember_whenPersonIsNumber1550Of1600_thenTrueWithoutReadingRanges() {
    assertThat(connector.isMember(MARA, ALL_STAFF)).isTrue();
    assertThat(connector.membership(MARA, ALL_STAFF)).isEqualTo(Membership.direct());
    assertThat(ad.rangedReads()).isZero();
  }

  @Test
  void members_whenGroupHas1600_thenAllReadInTwoRanges() {
    List<String> members = connector.members(ALL_STAFF);

    assertThat(members).hasSize(1600).doesNotHaveDuplicates();
    assertThat(members.get(1549)).isEqualTo(MARA_DN);
    assertThat(ad.rangedReads()).isEqualTo(1);
  }

  @Test
  void membership_whenThroughNestedGroups_thenMemberWithPath() {
    assertThat(connector.isMember(JO, EVERYONE)).isFalse();

    assertThat(connector.membership(JO, EVERYONE)).satisfies(membership -> {
      assertThat(membership.member()).isTrue();
      assertThat(membership.via()).extracting(GroupExternalId::value)
          .containsExactly("cn=Finance (EU),ou=groups," + BASE, EU_CONTRACTORS.value());
    });
    assertThat(ad.rangedReads()).as("the path was found past the first range").isEqualTo(1);
  }

  @Test
  void membership_whenNotInAnyNestedGroup_thenNone() {
    assertThat(connector.membership(MARA, EVERYONE)).isEqualTo(Membership.none());
  }

  @Test
  void addMember_whenEscapedNames_thenAppliedAndVisible() {
    assertThat(connector.addMember(MARA, LdapConformanceTest.FINANCE_EU)).isInstanceOf(WriteResult.Applied.class);
    assertThat(connector.isMember(MARA, LdapConformanceTest.FINANCE_EU)).isTrue();
    assertThat(connector.addMember(MARA, LdapConformanceTest.FINANCE_EU))
        .isInstanceOf(WriteResult.AlreadyInState.class);
  }

  @Test
  void capabilities_whenActiveDirectory_thenNestedGroupsWithPath() {
    assertThat(connector.capabilities()).isEqualTo(Set.of(Capability.NESTED_GROUPS, Capability.MEMBERSHIP_PATH));
  }

  private LdapConnector connect(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of("url", ad.url(), "flavour", "active-directory",
        "people-base", "ou=people," + BASE));
    settings.putAll(extra);
    return new LdapConnector(new ProvisioningSystemId("corp-ad"), LdapConnectorSettings.from(settings));
  }

  private static Person person(String login) {
    return new Person(new PersonId(login), login + "@brightwave.example", login, "Engineer", "engineering",
        "Berlin", "DE", EmploymentType.FULL_TIME, null, Set.of(), true);
  }
}
