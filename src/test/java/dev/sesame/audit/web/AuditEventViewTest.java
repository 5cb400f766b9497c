package dev.sesame.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.audit.AuditEvent;
import dev.sesame.audit.AuditQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventViewTest {

  private static final String SAMPLE_ID = "2b7f0d7e-8a52-4c55-9f59-1f1a2e0c9d11";

  @Test
  void link_whenRequestSubject_thenRequestPage() {
    assertThat(AuditEventView.link("request:" + SAMPLE_ID)).isEqualTo("/admin/requests/" + SAMPLE_ID);
  }

  @Test
  void link_whenOtherOrMalformedSubject_thenNone() {
    assertThat(AuditEventView.link("app:figma")).isNull();
    assertThat(AuditEventView.link("request:../../logout")).isNull();
    assertThat(AuditEventView.link("request:")).isNull();
  }

  @Test
  void details_whenValuesOfEveryShape_thenKeyValueLinesWithoutEmptyOnes() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("app", "Figma");
    details.put("role", "");
    details.put("approvers", List.of("priya.nair", "sam.patel"));
    details.put("version", 3);
    details.put("comment", null);
    assertThat(AuditEventView.details(details))
        .containsExactly("app: Figma", "approvers: priya.nair, sam.patel", "version: 3");
  }

  @Test
  void details_whenKeysComeInAnyOrder_thenSortedByKey() {
    assertThat(AuditEventView.details(Map.of("system", "corp-ldap", "step", "applied", "group", "cn=figma-users")))
        .containsExactly("group: cn=figma-users", "step: applied", "system: corp-ldap");
  }

  @Test
  void from_whenEvent_thenTimeInUtcAndLink() {
    AuditEventView view = AuditEventView.from(new AuditEvent(7, Instant.parse("2026-12-03T17:39:05Z"), "alex.kim",
        "request.submitted", "request:" + SAMPLE_ID, Map.of("app", "Figma")));
    assertThat(view.time()).isEqualTo("3 Dec 2026, 17:39:05");
    assertThat(view.link()).isEqualTo("/admin/requests/" + SAMPLE_ID);
    assertThat(view.details()).containsExactly("app: Figma");
  }

  @Test
  void page_whenAsManyEventsAsTheLimit_thenShowMore() {
    AuditEvent event = new AuditEvent(1, Instant.EPOCH, "sesame", "grant.provisioned", "request:" + SAMPLE_ID, Map.of());
    assertThat(AuditEventView.Page.from(List.of(event, event), 2).more()).isTrue();
    assertThat(AuditEventView.Page.from(List.of(event), 2).more()).isFalse();
    assertThat(AuditEventView.Page.from(List.of(event), AuditQuery.MAX_LIMIT).nextLimit()).isEqualTo(AuditQuery.MAX_LIMIT);
  }

  @Test
  void query_whenFormHasBlanksAndBadLimit_thenEmptyFiltersAndDefaultLimit() {
    AuditQuery query = new AuditFilterForm(null, " Priya.Nair ", "", " 50% ", "many").query();
    assertThat(query).isEqualTo(new AuditQuery("", "priya.nair", "", "50%", AuditFilterForm.DEFAULT_LIMIT));
  }
}
