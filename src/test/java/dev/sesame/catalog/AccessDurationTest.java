package dev.sesame.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.common.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class AccessDurationTest {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Instant NOW = Instant.parse("2026-12-04T16:09:00Z");

  private static final String APP = """
      name: Figma
      accessDuration: {mode: OPTIONAL, max: P90D}
      strategy:
        type: GROUP
        system: corp-ldap
        externalId: cn=figma-users,ou=groups,dc=brightwave,dc=example
      """;

  private static final String ROLES = """
      name: AWS
      accessDuration: {mode: OPTIONAL}
      strategy:
        type: ROLE
        system: corp-ldap
        roles:
          - name: sandbox
            externalId: cn=aws-sandbox,ou=groups,dc=brightwave,dc=example
          - name: production
            externalId: cn=aws-production,ou=groups,dc=brightwave,dc=example
            accessDuration: {mode: required, max: P2W}
      """;

  // --- the catalog form ----------------------------------------------------------------------

  @Test
  void read_whenAppAndRoleDurations_thenRoleOverridesApp() {
    CatalogEntry figma = read(APP).entry().orElseThrow();
    assertThat(figma.accessDuration()).isEqualTo(new AccessDuration(AccessDuration.Mode.OPTIONAL, Duration.ofDays(90)));

    CatalogEntry aws = read(ROLES).entry().orElseThrow();
    assertThat(aws.durationFor(aws.role(new RoleName("sandbox"))))
        .isEqualTo(new AccessDuration(AccessDuration.Mode.OPTIONAL, null));
    assertThat(aws.durationFor(aws.role(new RoleName("production"))))
        .isEqualTo(new AccessDuration(AccessDuration.Mode.REQUIRED, Duration.ofDays(14)));
  }

  @Test
  void read_whenAbsent_thenNoEndDates() {
    CatalogEntry entry = read(APP.replace("accessDuration: {mode: OPTIONAL, max: P90D}\n", "")).entry().orElseThrow();
    assertThat(entry.accessDuration()).isEqualTo(AccessDuration.NONE);
    assertThat(CatalogCodec.write(entry)).doesNotContainKey("accessDuration");
  }

  @Test
  void write_whenReadBack_thenEqual() {
    for (String yaml : List.of(APP, ROLES)) {
      CatalogEntry entry = read(yaml).entry().orElseThrow();
      CatalogEntry back = CatalogCodec.read(YAML.valueToTree(CatalogCodec.write(entry)), "").entry().orElseThrow();
      assertThat(back).isEqualTo(entry);
    }
    assertThat(CatalogCodec.write(read(APP).entry().orElseThrow()).get("accessDuration"))
        .isEqualTo(java.util.Map.of("mode", "OPTIONAL", "max", "P90D"));
  }

  @Test
  void read_whenBadDuration_thenErrorOnItsFieldPath() {
    assertThat(errors(APP.replace("mode: OPTIONAL", "mode: SOMETIMES")))
        .singleElement().satisfies(e -> {
          assertThat(e.field()).isEqualTo("accessDuration.mode");
          assertThat(e.reason()).contains("'SOMETIMES' is not a mode");
        });
    assertThat(fields(APP.replace("P90D", "P-5D"))).containsExactly("accessDuration.max");
    assertThat(fields(APP.replace("P90D", "P0D"))).containsExactly("accessDuration.max");
    assertThat(fields(APP.replace("P90D", "P20000D"))).containsExactly("accessDuration.max");
    assertThat(fields(APP.replace("P90D", "ninety days"))).containsExactly("accessDuration.max");
    assertThat(fields(APP.replace("P90D", "P3M"))).containsExactly("accessDuration.max");
    assertThat(fields(APP.replace("mode: OPTIONAL", "mode: NONE"))).containsExactly("accessDuration.max");
    assertThat(fields(APP.replace("{mode: OPTIONAL, max: P90D}", "{max: P90D}"))).containsExactly("accessDuration.mode");
    assertThat(fields(APP.replace("{mode: OPTIONAL, max: P90D}", "{mode: OPTIONAL, until: P90D}")))
        .containsExactly("accessDuration.until");
    assertThat(fields(APP.replace("{mode: OPTIONAL, max: P90D}", "always"))).containsExactly("accessDuration");
    assertThat(fields(ROLES.replace("max: P2W", "max: forever"))).containsExactly("strategy.roles[1].accessDuration.max");
  }

  // --- the rule --------------------------------------------------------------------------------

  @Test
  void problem_whenEndFitsTheRule_thenNone() {
    AccessDuration optional = new AccessDuration(AccessDuration.Mode.OPTIONAL, Duration.ofDays(90));
    assertThat(optional.problem(null, NOW)).isEmpty();
    assertThat(optional.problem(NOW.plus(Duration.ofDays(30)), NOW)).isEmpty();
    // The last allowed day counts whole.
    assertThat(optional.problem(Instant.parse("2027-03-04T23:59:59Z"), NOW)).isEmpty();
  }

  @Test
  void problem_whenPastTooFarMissingOrNotAllowed_thenSaysWhy() {
    AccessDuration required = new AccessDuration(AccessDuration.Mode.REQUIRED, Duration.ofDays(14));
    assertThat(required.problem(null, NOW)).hasValueSatisfying(p -> assertThat(p).startsWith("is required"));
    assertThat(required.problem(NOW.minusSeconds(1), NOW)).contains("is in the past");
    assertThat(required.problem(Instant.parse("2026-12-19T00:00:00Z"), NOW))
        .hasValueSatisfying(p -> assertThat(p).contains("at most 14 days").doesNotContain("P14D").contains("2026-12-18"));
    assertThat(AccessDuration.NONE.problem(NOW.plusSeconds(3600), NOW))
        .hasValueSatisfying(p -> assertThat(p).startsWith("cannot be given"));
    assertThat(new AccessDuration(AccessDuration.Mode.OPTIONAL, Duration.ofHours(12))
        .problem(NOW.plus(Duration.ofHours(13)), NOW)).hasValueSatisfying(p -> assertThat(p).contains("at most 12 hours"));
    assertThat(required.problem(null, NOW)).hasValueSatisfying(p -> assertThat(p).contains("at most 14 days ahead"));
  }

  @Test
  void optional_whenNoMax_thenTheLongestAllowed() {
    AccessDuration optional = new AccessDuration(AccessDuration.Mode.OPTIONAL, null);
    assertThat(optional.longest()).isEqualTo(AccessDuration.LONGEST);
    assertThat(optional.problem(NOW.plus(Duration.ofDays(6 * 366)), NOW)).isPresent();
  }

  private static CatalogCodec.Read read(String yaml) {
    return CatalogCodec.read(YAML.readTree(yaml), "");
  }

  private static List<FieldError> errors(String yaml) {
    CatalogCodec.Read read = read(yaml);
    assertThat(read.entry()).isEqualTo(Optional.empty());
    return read.errors();
  }

  private static List<String> fields(String yaml) {
    return errors(yaml).stream().map(FieldError::field).toList();
  }
}
