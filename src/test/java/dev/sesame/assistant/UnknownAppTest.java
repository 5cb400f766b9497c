package dev.sesame.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.catalog.Entries;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownAppTest {

  private static final AppFinder FINDER = new AppFinder(List.of(Entries.group("Figma", "figjam")));

  @Test
  void unknown_whenARemovalNamesNoApp_thenTheAppIsQuotedWithoutTheAction() {
    Turn turn = Assistant.unknown(Words.of("remove my access to nonexistentapp"), FINDER, ConversationState.NEW);

    assertThat(turn.text()).startsWith("I couldn't find the app \"nonexistentapp\" in the software catalog.");
  }

  @Test
  void unknown_whenARenewalOrNoLongerNeededNamesNoApp_thenTheAppIsQuoted() {
    assertThat(Assistant.unknown(Words.of("renew nonexistentapp"), FINDER, ConversationState.NEW).text())
        .startsWith("I couldn't find the app \"nonexistentapp\"");
    assertThat(Assistant.unknown(Words.of("I no longer need nonexistentapp"), FINDER, ConversationState.NEW).text())
        .startsWith("I couldn't find the app \"nonexistentapp\"");
  }

  @Test
  void unknown_whenAskingForAnUnknownApp_thenTheWordsAreQuotedAsBefore() {
    assertThat(Assistant.unknown(Words.of("can I get quickbooks?"), FINDER, ConversationState.NEW).text())
        .startsWith("I couldn't find \"quickbooks\" in the software catalog.");
  }
}
