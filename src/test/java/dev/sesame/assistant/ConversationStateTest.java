package dev.sesame.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

class ConversationStateTest {

  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  @Test
  void read_whenStoredBeforeEndDates_thenNoEndAndNoRenewal() {
    ConversationState state = JSON.readValue(
        "{\"step\":\"CONFIRMING\",\"app\":\"Figma\",\"role\":null,\"requests\":[],\"approvals\":[]}",
        ConversationState.class);

    assertThat(state.step()).isEqualTo(ConversationState.Step.CONFIRMING);
    assertThat(state.end()).isNull();
    assertThat(state.renew()).isFalse();
  }

  @Test
  void write_whenEndAndRenewal_thenReadBackTheSame() {
    ConversationState state = ConversationState.NEW.confirming("Figma", null)
        .withEnd(Instant.parse("2026-12-18T23:59:59Z"), true);

    ConversationState back = JSON.readValue(JSON.writeValueAsString(state), ConversationState.class);

    assertThat(back).isEqualTo(state);
    assertThat(back.end()).isEqualTo(Instant.parse("2026-12-18T23:59:59Z"));
    assertThat(back.idle().end()).isNull();
  }
}
