package dev.sesame.assistant;

import dev.sesame.directory.PersonId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Keeps each person's conversation state and messages in the database. */
@Repository
class ConversationStore {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  ConversationStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The person's state, its row locked until the transaction ends so that two messages sent at
   * once are answered one after the other.
   */
  ConversationState lock(PersonId person) {
    jdbc.sql("insert into conversation (person, state, updated_at) values (?, ?::jsonb, ?) on conflict do nothing")
        .params(person.value(), json.writeValueAsString(ConversationState.NEW), Timestamp.from(clock.instant()))
        .update();
    String state = jdbc.sql("select state::text from conversation where person = ? for update")
        .param(person.value()).query(String.class).single();
    return json.readValue(state, ConversationState.class);
  }

  void save(PersonId person, ConversationState state) {
    jdbc.sql("update conversation set state = ?::jsonb, updated_at = ? where person = ?")
        .params(json.writeValueAsString(state), Timestamp.from(clock.instant()), person.value())
        .update();
  }

  ChatMessage append(PersonId person, String author, String body) {
    Timestamp at = Timestamp.from(clock.instant());
    long id = jdbc.sql("insert into chat_message (person, author, body, created_at) values (?, ?, ?, ?) returning id")
        .params(person.value(), author, body, at).query(Long.class).single();
    return new ChatMessage(id, author, body, at.toInstant());
  }

  /** The person's messages after {@code afterId}, oldest first, at most {@code limit}. */
  List<ChatMessage> messages(PersonId person, long afterId, int limit) {
    return jdbc.sql("""
        select id, author, body, created_at from (
          select id, author, body, created_at from chat_message where person = ? and id > ?
          order by id desc limit ?) newest order by id
        """)
        .params(person.value(), afterId, limit)
        .query((rs, n) -> new ChatMessage(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
            rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}
