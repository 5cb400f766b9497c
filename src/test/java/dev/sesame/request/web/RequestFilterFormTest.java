package dev.sesame.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.catalog.AppName;
import dev.sesame.directory.PersonId;
import dev.sesame.request.RequestSearch;
import dev.sesame.request.RequestState;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RequestFilterFormTest {

  private static final RequestFilterForm EMPTY = new RequestFilterForm(null, null, null, null, null, null);

  @Nested
  class Parse {

    @Test
    void parse_whenEveryFieldIsBlank_thenSearchForEverythingWithDefaultLimit() {
      RequestFilterForm.Parsed parsed = new RequestFilterForm(" ", "", "", "", " ", "").parse();
      assertThat(parsed.errors()).isEmpty();
      assertThat(parsed.search()).contains(RequestSearch.all(RequestFilterForm.DEFAULT_LIMIT));
    }

    @Test
    void parse_whenEveryFieldIsValid_thenTypedSearch() {
      RequestFilterForm.Parsed parsed =
          new RequestFilterForm(" Figma ", "Alex.Kim", "pending_approval", "2026-12-01", "2026-12-03", "100").parse();
      assertThat(parsed.search()).contains(new RequestSearch(RequestState.PENDING_APPROVAL, new AppName("Figma"),
          new PersonId("alex.kim"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3), 100));
    }

    @Test
    void parse_whenDatesAreNotIsoDates_thenFieldErrorsAndNoSearch() {
      RequestFilterForm.Parsed parsed = new RequestFilterForm(null, null, null, "yesterday", "2026-13-01", null).parse();
      assertThat(parsed.search()).isEmpty();
      assertThat(parsed.errors()).containsOnlyKeys("from", "to")
          .containsEntry("from", "is not a date; use YYYY-MM-DD");
    }

    @Test
    void parse_whenRangeEndsBeforeItStarts_thenErrorOnTo() {
      RequestFilterForm.Parsed parsed = new RequestFilterForm(null, null, null, "2026-12-03", "2026-12-01", null).parse();
      assertThat(parsed.errors()).containsExactlyEntriesOf(java.util.Map.of("to", "is before the start date"));
    }

    @Test
    void parse_whenSameDayRange_thenValid() {
      assertThat(new RequestFilterForm(null, null, null, "2026-12-03", "2026-12-03", null).parse().errors()).isEmpty();
    }

    @Test
    void parse_whenStateAndPersonAreUnknownShapes_thenErrorsInFormOrder() {
      RequestFilterForm.Parsed parsed = new RequestFilterForm("a/b", "no such person!", "sleeping", null, null, null).parse();
      assertThat(parsed.errors().keySet()).containsExactly("app", "person", "state");
    }

    @Test
    void parse_whenStateIsWrittenLikeAnEnumWithSpaces_thenAccepted() {
      assertThat(new RequestFilterForm(null, null, "needs attention", null, null, null).parse().search())
          .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(RequestState.NEEDS_ATTENTION));
    }
  }

  @Nested
  class Size {

    @Test
    void size_whenAbsentOrNotANumber_thenDefault() {
      assertThat(EMPTY.size()).isEqualTo(RequestFilterForm.DEFAULT_LIMIT);
      assertThat(new RequestFilterForm(null, null, null, null, null, "lots").size()).isEqualTo(RequestFilterForm.DEFAULT_LIMIT);
    }

    @Test
    void size_whenOutOfRange_thenClamped() {
      assertThat(new RequestFilterForm(null, null, null, null, null, "0").size()).isEqualTo(1);
      assertThat(new RequestFilterForm(null, null, null, null, null, "100000").size()).isEqualTo(RequestSearch.MAX_LIMIT);
    }
  }
}
