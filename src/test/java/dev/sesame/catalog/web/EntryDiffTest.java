package dev.sesame.catalog.web;

import static dev.sesame.catalog.Entries.role;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.catalog.CatalogCodec;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Entries;
import dev.sesame.catalog.Link;
import dev.sesame.catalog.Role;
import dev.sesame.catalog.RoleName;
import dev.sesame.catalog.Strategy;
import dev.sesame.provisioning.GroupExternalId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history page's changes between two versions of an entry. */
class EntryDiffTest {

  private static final List<Role> SAMPLE_ROLES = List.of(role("read", "Browse code"), role("write", "Push code"));
  private static final CatalogEntry SAMPLE_APP = Entries.roleBased("GitHub", SAMPLE_ROLES, "gh");

  @Test
  void between_whenFirstVersion_thenNoChanges() {
    assertThat(EntryDiff.between(null, CatalogCodec.write(SAMPLE_APP))).isEmpty();
  }

  @Test
  void between_whenSameEntry_thenNoChanges() {
    assertThat(EntryDiff.between(CatalogCodec.write(SAMPLE_APP), CatalogCodec.write(SAMPLE_APP))).isEmpty();
  }

  @Test
  void between_whenScalarsChange_thenOneLinePerFieldWithOldAndNew() {
    CatalogEntry after = SAMPLE_APP.withEnabledInBot(false);

    assertThat(EntryDiff.between(CatalogCodec.write(SAMPLE_APP), CatalogCodec.write(after)))
        .containsExactly(new EntryDiff.Change("Enabled in bot", "yes", "no"));
  }

  @Test
  void between_whenRolesAreAddedRemovedAndChanged_thenEachIsNamedByItsCanonicalName() {
    Strategy.RoleAccess before = (Strategy.RoleAccess) SAMPLE_APP.strategy();
    Role read = before.roles().get(0);
    Strategy.RoleAccess after = new Strategy.RoleAccess(before.provisioningSystem(), before.roleQuestion(), List.of(
        new Role(read.name(), read.displayName(), read.description(), new GroupExternalId("cn=readers"), read.hint()),
        new Role(new RoleName("admin"), "Admin", "", new GroupExternalId("cn=admins"), "")));

    List<EntryDiff.Change> changes = EntryDiff.between(CatalogCodec.write(SAMPLE_APP),
        CatalogCodec.write(SAMPLE_APP.withStrategy(after)));

    assertThat(changes).extracting(EntryDiff.Change::field, EntryDiff.Change::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Role 'write'", "removed"),
        org.assertj.core.groups.Tuple.tuple("Role 'read' External ID", "changed"),
        org.assertj.core.groups.Tuple.tuple("Role 'admin'", "added"));
    assertThat(changes.get(1).after()).isEqualTo("cn=readers");
  }

  @Test
  void between_whenLinksChangeUrlAndOrder_thenUrlChangeAndNewOrderAreShown() {
    CatalogEntry before = withLinks(Link.of("Docs", "https://a.example"), Link.of("Help", "https://h.example"));
    CatalogEntry after = withLinks(Link.of("Help", "https://h.example"), Link.of("Docs", "https://b.example"));

    assertThat(EntryDiff.between(CatalogCodec.write(before), CatalogCodec.write(after))).containsExactly(
        new EntryDiff.Change("Link 'Docs' url", "https://a.example", "https://b.example"),
        new EntryDiff.Change("Link order", "Docs, Help", "Help, Docs"));
  }

  @Test
  void between_whenStrategyChanges_thenTypeAndEveryFieldOfBothAreShown() {
    CatalogEntry group = Entries.group("GitHub", "gh");

    List<EntryDiff.Change> changes = EntryDiff.between(CatalogCodec.write(SAMPLE_APP), CatalogCodec.write(group));

    assertThat(changes).extracting(EntryDiff.Change::field)
        .contains("Strategy", "Role question", "External ID", "Role 'read'", "Role 'write'");
    assertThat(changes).contains(new EntryDiff.Change("Strategy", "ROLE", "GROUP"));
  }

  private static CatalogEntry withLinks(Link... links) {
    return new CatalogEntry(SAMPLE_APP.name(), SAMPLE_APP.aliases(), true, SAMPLE_APP.accessRule(),
        SAMPLE_APP.appAdmins(), SAMPLE_APP.approvalFlow(), "Read:", List.of(links), SAMPLE_APP.strategy());
  }
}
