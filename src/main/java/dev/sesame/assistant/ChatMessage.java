package dev.sesame.assistant;

import java.time.Instant;

/**
 * One message of a person's conversation.
 *
 * @param author {@code person} for what they wrote, {@code sesame} for the assistant's answers and notices
 * @param body markdown
 */
public record ChatMessage(long id, String author, String body, Instant at) {}
