package dev.sesame.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmploymentTypeTest {

  // --- parse ---------------------------------------------------------------------------------

  @Test
  void parse_whenDirectorySpelling_thenType() {
    assertThat(EmploymentType.parse("full-time")).contains(EmploymentType.FULL_TIME);
    assertThat(EmploymentType.parse("contractor")).contains(EmploymentType.CONTRACTOR);
    assertThat(EmploymentType.parse("intern")).contains(EmploymentType.INTERN);
  }

  @Test
  void parse_whenUpperCaseWithUnderscore_thenType() {
    assertThat(EmploymentType.parse("FULL_TIME")).contains(EmploymentType.FULL_TIME);
  }

  @Test
  void parse_whenSpaceInsteadOfDash_thenType() {
    assertThat(EmploymentType.parse(" Full Time ")).contains(EmploymentType.FULL_TIME);
  }

  @Test
  void parse_whenUnknown_thenEmpty() {
    assertThat(EmploymentType.parse("vendor")).isEmpty();
    assertThat(EmploymentType.parse("")).isEmpty();
  }

  // --- label ---------------------------------------------------------------------------------

  @Test
  void label_whenEveryType_thenParsesBack() {
    for (EmploymentType type : EmploymentType.values()) {
      assertThat(EmploymentType.parse(type.label())).contains(type);
    }
  }
}
