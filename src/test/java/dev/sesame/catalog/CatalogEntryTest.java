package dev.sesame.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CatalogEntryTest {

  private static final AccessDuration REQUIRED_14_DAYS =
      new AccessDuration(AccessDuration.Mode.REQUIRED, Duration.ofDays(14));

  @Test
  void withName_whenTheAppHasAnAccessDuration_thenOnlyTheNameChanges() {
    CatalogEntry entry = Entries.group("Tableau", "dashboards").withAccessDuration(REQUIRED_14_DAYS);

    CatalogEntry renamed = entry.withName(new AppName("tableau"));

    assertThat(renamed.name()).isEqualTo(new AppName("tableau"));
    assertThat(renamed.accessDuration()).isEqualTo(REQUIRED_14_DAYS);
    assertThat(renamed.withName(entry.name())).isEqualTo(entry);
  }
}
