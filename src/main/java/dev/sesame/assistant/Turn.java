package dev.sesame.assistant;

/** The assistant's answer to one message and the conversation state after it. */
record Turn(String text, ConversationState state) {}
