package dev.sesame.catalog.web;

import static dev.sesame.catalog.Entries.role;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.approval.PolicyName;
import dev.sesame.catalog.CatalogCodec;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Entries;
import dev.sesame.catalog.Link;
import dev.sesame.catalog.Role;
import dev.sesame.catalog.RoleName;
import dev.sesame.common.FieldError;
import dev.sesame.provisioning.GroupExternalId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The editor's form: from a posted request and from an entry, to the entry's JSON form, and its errors placed. */
class AppFormTest {

  private static final CatalogEntry SAMPLE_ROLE_APP = Entries.roleBased("GitHub",
      List.of(role("read", "Browse code"), role("write", "Push code"), role("admin", "Org admins")), "gh");

  // ---------------------------------------------------------------------------------------------
  // from(entry) and toJson

  @Test
  void toJson_whenFormOfAnEntry_thenCodecReadsTheSameEntry() {
    CatalogEntry withLinks = new CatalogEntry(SAMPLE_ROLE_APP.name(), SAMPLE_ROLE_APP.aliases(), false,
        SAMPLE_ROLE_APP.accessRule(), SAMPLE_ROLE_APP.appAdmins(), SAMPLE_ROLE_APP.approvalFlow(), "Read first:",
        List.of(Link.of("Guide", "https://example.com/guide")), SAMPLE_ROLE_APP.strategy());

    AppForm form = AppForm.from(withLinks, 3, "corp-ldap");

    assertThat(form.version()).isEqualTo("3");
    assertThat(CatalogCodec.read(form.toJson(), "").entry()).contains(withLinks);
  }

  @Test
  void toJson_whenSelfServiceEntry_thenOtherStrategiesFieldsAreLeftOut() {
    AppForm form = AppForm.from(Entries.selfService("Zoom", "zoom meetings"), 1, "corp-ldap");

    assertThat(form.system()).isEqualTo("corp-ldap");
    assertThat(form.toJson().get("strategy").propertyNames()).containsExactly("type", "title", "body");
    assertThat(CatalogCodec.read(form.toJson(), "").errors()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // from(params)

  @Test
  void from_whenRowsArePostedOutOfOrderWithGaps_thenRowsKeepTheirIndexAndBlankRowsAreLeftOut() {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.add("links[1].url", "https://b.example");
    params.add("links[1].label", "B");
    params.add("links[0].label", "");
    params.add("links[0].url", "");
    params.add("links[2].label", "C");
    params.add("strategy", "SELF_SERVICE");

    AppForm form = AppForm.from(params);

    assertThat(form.links()).extracting(AppForm.LinkRow::label).containsExactly("", "B", "C");
    assertThat(form.filledLinks()).containsExactly(1, 2);
    assertThat(form.toJson().get("links")).hasSize(2);
  }

  @Test
  void from_whenFieldsAreMissingForgedOrHuge_thenFormIsStillBuilt() {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.add("roles[999].name", "too far");
    params.add("roles[0].evil", "x");
    params.add("links[abc].url", "x");
    params.add("version", "not a number");
    params.add("name", "n".repeat(5000));

    AppForm form = AppForm.from(params);

    assertThat(form.roles()).isEmpty();
    assertThat(form.links()).isEmpty();
    assertThat(form.versionNumber()).isNull();
    assertThat(form.enabledInBot()).isFalse();
    assertThat(CatalogCodec.read(form.toJson(), "app").errors()).extracting(FieldError::field)
        .contains("app.name", "app.strategy.type");
  }

  @Test
  void toJson_whenARoleNamesItsOwnPolicy_thenTheEntryKeepsIt() {
    List<Role> roles = List.of(role("read", "Browse code"), new Role(new RoleName("admin"), "Admin", "",
        new GroupExternalId("cn=admin"), "Org admins", new PolicyName("production-access")));
    CatalogEntry entry = Entries.roleBased("GitHub", roles);

    AppForm form = AppForm.from(entry, 2, "corp-ldap");

    assertThat(form.roles()).extracting(AppForm.RoleRow::approvalFlow).containsExactly("", "production-access");
    assertThat(CatalogCodec.read(form.toJson(), "").entry()).contains(entry);
  }

  // ---------------------------------------------------------------------------------------------
  // FormErrors

  @Test
  void formErrors_whenCodecPathsNameRows_thenErrorsLandOnTheFormRowsTheyCameFrom() {
    AppForm form = AppForm.from(SAMPLE_ROLE_APP, 1, "corp-ldap")
        .withLinks(List.of(AppForm.LinkRow.EMPTY, new AppForm.LinkRow("Bad", "http://x")))
        .withRoles(List.of(AppForm.RoleRow.EMPTY, new AppForm.RoleRow("a", "", "", "cn=x", "", ""),
            new AppForm.RoleRow("b", "", "", "cn=y", "", "")));

    FormErrors errors = FormErrors.of(List.of(
        new FieldError("app.links[0].url", "must start with https://"),
        new FieldError("app.strategy.roles[1].externalId", "there is no group"),
        new FieldError("app.strategy.title", "is required"),
        new FieldError("app.aliases[3]", "is already used by Figma"),
        new FieldError("version", "is stale"),
        new FieldError("app.surprise", "unknown field")), form);

    assertThat(errors.of("links[1].url")).isEqualTo("Must start with https://");
    assertThat(errors.of("roles[2].externalId")).isEqualTo("There is no group");
    assertThat(errors.has("title")).isTrue();
    assertThat(errors.of("aliases")).isEqualTo("Already used by Figma");
    assertThat(errors.general()).containsExactly("Version: is stale", "surprise: unknown field");
    assertThat(errors.count()).isEqualTo(6);
  }
}
