package dev.sesame.catalog.web;

import static dev.sesame.catalog.Entries.role;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.catalog.AccessDuration;
import dev.sesame.catalog.CatalogCodec;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Entries;
import dev.sesame.catalog.Role;
import dev.sesame.catalog.Strategy;
import dev.sesame.common.FieldError;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The editor keeps an app's (and its roles') end-date rules: read, shown, posted and saved. */
class AppFormAccessTest {

  private static CatalogEntry timeBound() {
    CatalogEntry github = Entries.roleBased("GitHub", List.of(role("read", "Browse code"), role("write", "Push code")),
        "gh");
    Strategy.RoleAccess roles = (Strategy.RoleAccess) github.strategy();
    Role write = roles.roles().get(1);
    Role bounded = new Role(write.name(), write.displayName(), write.description(), write.externalId(), write.hint(),
        null, new AccessDuration(AccessDuration.Mode.REQUIRED, Duration.ofDays(14)));
    return github.withStrategy(new Strategy.RoleAccess(roles.provisioningSystem(), roles.roleQuestion(),
            List.of(roles.roles().get(0), bounded)))
        .withAccessDuration(new AccessDuration(AccessDuration.Mode.OPTIONAL, Duration.ofDays(90)));
  }

  @Test
  void toJson_whenEntryHasEndDateRules_thenTheCodecReadsTheSameEntry() {
    CatalogEntry entry = timeBound();
    AppForm form = AppForm.from(entry, 2, "corp-ldap");

    assertThat(form.accessMode()).isEqualTo("OPTIONAL");
    assertThat(form.accessMax()).isEqualTo("P90D");
    assertThat(CatalogCodec.read(form.toJson(), "").entry()).contains(entry);
    // Switching the app off in the list saves through the form too: nothing is lost.
    assertThat(CatalogCodec.read(form.withEnabledInBot(false).toJson(), "").entry())
        .contains(entry.withEnabledInBot(false));
  }

  @Test
  void from_whenPosted_thenRulesGoToTheJsonForm() {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.add("name", "Jira");
    params.add("strategy", "GROUP");
    params.add("system", "corp-ldap");
    params.add("externalId", "cn=jira-users,ou=groups,dc=brightwave,dc=example");
    params.add("accessRule", "true");
    params.add("approvalFlow", "MANAGER");
    params.add("accessMode", "REQUIRED");
    params.add("accessMax", "P7D");

    CatalogCodec.Read read = CatalogCodec.read(AppForm.from(params).toJson(), "app");
    assertThat(read.errors()).isEmpty();
    CatalogEntry entry = read.entry().orElseThrow();

    assertThat(entry.accessDuration()).isEqualTo(new AccessDuration(AccessDuration.Mode.REQUIRED, Duration.ofDays(7)));
  }

  @Test
  void from_whenNothingPosted_thenNoEndDates() {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.add("name", "Jira");
    AppForm form = AppForm.from(params);

    assertThat(form.accessMode()).isEqualTo("NONE");
    assertThat(form.toJson().has("accessDuration")).isFalse();
  }

  @Test
  void formErrors_whenTheCodecRefusesTheRules_thenNextToTheirInputs() {
    AppForm form = AppForm.from(timeBound(), 1, "corp-ldap");
    FormErrors errors = FormErrors.of(List.of(new FieldError("app.accessDuration.max", "bad"),
        new FieldError("app.accessDuration.mode", "worse")), form);

    assertThat(errors.has("accessMax")).isTrue();
    assertThat(errors.has("accessMode")).isTrue();
  }
}
