package dev.sesame.assistant.web;

import dev.sesame.assistant.ChatMessage;
import java.time.Instant;

/** One chat message as the page shows it: its markdown already rendered to safe HTML. */
record MessageView(long id, String author, String html, Instant at) {

  static MessageView from(ChatMessage message, Markdown markdown) {
    return new MessageView(message.id(), message.author(), markdown.html(message.body()), message.at());
  }
}
