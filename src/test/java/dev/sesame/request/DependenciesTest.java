package dev.sesame.request;

import static dev.sesame.request.AccessRequests.APP_ADMIN_STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Entries;
import dev.sesame.catalog.Revision;
import dev.sesame.catalog.Role;
import dev.sesame.catalog.RoleName;
import dev.sesame.catalog.Strategy;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DependenciesTest {

  private static final Revision REVISION = new Revision(2, "changed", Instant.parse("2026-03-02T10:00:00Z"),
      new PersonId("sam.patel"));
  private static final Role WRITE = new Role(new RoleName("write"), "Write", "", 
      new GroupExternalId("cn=github-write,ou=groups,dc=brightwave,dc=example"), "");
  private static final Role READ = Entries.role("read", "");
  private static final CatalogEntry GITHUB = Entries.roleBased("GitHub", List.of(READ, WRITE));

  private static AccessRequest waiting() {
    return AccessRequests.submitted(List.of(APP_ADMIN_STAGE));
  }

  private static Optional<String> whyGone(CatalogEntry entry, boolean archived) {
    return Dependencies.whyGone(waiting(), Optional.of(new CatalogApp(entry, REVISION, archived)));
  }

  @Test
  void whyGone_whenNothingTheRequestNeedsChanged_thenEmpty() {
    assertThat(whyGone(GITHUB, false)).isEmpty();
    assertThat(whyGone(Entries.roleBased("GitHub", List.of(READ, WRITE), "gh"), false)).isEmpty();
  }

  @Test
  void whyGone_whenTheGroupIsSpeltInOtherCase_thenEmpty() {
    Role upper = new Role(WRITE.name(), "Write", "", new GroupExternalId("CN=GitHub-Write,ou=groups,dc=brightwave,dc=example"), "");
    assertThat(whyGone(Entries.roleBased("GitHub", List.of(READ, upper)), false)).isEmpty();
  }

  @Test
  void whyGone_whenTheAppIsGoneArchivedOrDisabled_thenSaysSo() {
    assertThat(Dependencies.whyGone(waiting(), Optional.empty())).hasValueSatisfying(r ->
        assertThat(r).contains("no longer in the catalog"));
    assertThat(whyGone(GITHUB, true)).hasValueSatisfying(r -> assertThat(r).contains("archived"));
    assertThat(whyGone(GITHUB.withEnabledInBot(false), false)).hasValueSatisfying(r ->
        assertThat(r).contains("can no longer be requested"));
  }

  @Test
  void whyGone_whenTheRoleWasDeleted_thenNamesTheRole() {
    assertThat(whyGone(Entries.roleBased("GitHub", List.of(READ, Entries.role("admin", ""))), false))
        .hasValue("the role write was removed from GitHub");
  }

  @Test
  void whyGone_whenTheRolesGroupChanged_thenSaysTheGroupChanged() {
    Role moved = new Role(WRITE.name(), "Write", "", new GroupExternalId("cn=gh-writers,ou=groups,dc=brightwave,dc=example"), "");
    assertThat(whyGone(Entries.roleBased("GitHub", List.of(READ, moved)), false))
        .hasValue("the group behind GitHub (write) changed");
  }

  @Test
  void whyGone_whenTheSystemChanged_thenNamesBothSystems() {
    CatalogEntry moved = GITHUB.withStrategy(new Strategy.RoleAccess(new ProvisioningSystemId("okta"), "Which?",
        List.of(READ, WRITE)));
    assertThat(whyGone(moved, false)).hasValueSatisfying(r -> assertThat(r).contains("okta").contains("corp-ldap"));
  }

  @Test
  void whyGone_whenTheStrategyChanged_thenSaysHowAccessIsGivenNow() {
    assertThat(whyGone(GITHUB.withStrategy(new Strategy.SelfService("Sign in", "Open https://github.com")), false))
        .hasValueSatisfying(r -> assertThat(r).contains("self-service"));
    assertThat(whyGone(GITHUB.withStrategy(new Strategy.GroupAccess(Entries.CORP_LDAP, WRITE.externalId())), false))
        .hasValueSatisfying(r -> assertThat(r).contains("changed"));
  }

  @Test
  void whyGone_whenTheRequestIsClosed_thenItNeverReopens() {
    AccessRequest request = waiting();
    request.close(Instant.parse("2026-03-02T11:00:00Z"), "the role write was removed from GitHub");
    assertThat(request.state()).isEqualTo(RequestState.CLOSED);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> request.close(Instant.now(), "again"))
        .isInstanceOf(dev.sesame.common.ConflictException.class);
  }
}
