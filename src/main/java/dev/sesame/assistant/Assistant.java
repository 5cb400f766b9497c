package dev.sesame.assistant;

import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Role;
import dev.sesame.catalog.RoleName;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.Texts;
import dev.sesame.directory.PersonId;
import dev.sesame.request.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers what a person writes. Commands that work at any time come first (help, status, cancel,
 * approvals, decisions); then the answer to the pending question (a role, yes or no); then an app
 * named anywhere in the sentence. The conversation state and every message are stored, so a
 * restart in the middle of a conversation continues it.
 */
@Component
public class Assistant {

  /** The longest message accepted. */
  public static final int MAX_MESSAGE = 2000;

  private static final Pattern DECISION =
      Pattern.compile("^\\s*(approve|approved|ok|deny|denied|reject|decline)\\s+#?(\\d{1,3})\\b[\\s,:.-]*(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "confirm",
      "submit", "please", "correct", "absolutely", "definitely", "go");
  private static final Set<String> NO = Set.of("no", "n", "nope", "nah", "stop", "don't", "dont");
  // The words of a removal or a renewal that never name the app: "remove my access to x", "I no longer need x".
  private static final Set<String> ACTIONS = Set.of("remove", "revoke", "end", "renew", "extend", "longer", "anymore",
      "more");
  private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "hiya", "morning", "thanks", "thank", "thx");

  private final ConversationStore store;
  private final Catalog catalog;
  private final AccessDialogue access;
  private final RequestCommands commands;
  private final GrantCommands grants;
  private final java.time.Clock clock;

  Assistant(ConversationStore store, Catalog catalog, AccessDialogue access, RequestCommands commands,
      GrantCommands grants, java.time.Clock clock) {
    this.grants = grants;
    this.clock = clock;
    this.store = store;
    this.catalog = catalog;
    this.access = access;
    this.commands = commands;
  }

  /** Records what the person wrote and the assistant's answer, and returns the answer. */
  @Transactional
  public ChatMessage handle(PersonId person, String message) {
    String text = Texts.require("message", message).strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("message", "is empty; write what you need, e.g. 'can I get figma?'");
    }
    if (text.length() > MAX_MESSAGE) {
      throw new InvalidInputException("message", "has " + text.length() + " characters; at most " + MAX_MESSAGE + " are allowed");
    }
    ConversationState state = store.lock(person);
    store.append(person, "person", text);
    Turn turn = respond(person, text, state);
    store.save(person, turn.state());
    return store.append(person, "sesame", turn.text());
  }

  /** The person's conversation after message {@code afterId}, oldest first. */
  public List<ChatMessage> messages(PersonId person, long afterId) {
    return store.messages(person, afterId, 200);
  }

  private Turn respond(PersonId person, String text, ConversationState state) {
    List<String> words = Words.of(text);
    String joined = String.join(" ", words);
    AppFinder finder = new AppFinder(catalog.current().stream().map(CatalogApp::entry).toList());
    // NB. "figma until Friday": the end is taken out before looking for the app, so that a date is never an app.
    Optional<EndPhrase.Found> end = EndPhrase.find(text, clock);
    String appText = end.map(EndPhrase.Found::rest).orElse(text);
    Optional<AppFinder.Found> found = finder.find(appText);

    if (words.isEmpty() || joined.equals("help") || joined.equals("?") || joined.startsWith("what can you do")) {
      return new Turn(Replies.HELP, state);
    }
    Matcher decision = DECISION.matcher(text);
    if (decision.matches()) {
      String verb = decision.group(1).toLowerCase(java.util.Locale.ROOT);
      Verdict verdict = verb.startsWith("approve") || verb.equals("ok") ? Verdict.APPROVED : Verdict.DENIED;
      return commands.decide(person, verdict, Integer.parseInt(decision.group(2)), decision.group(3).strip(), state);
    }
    if (words.contains("approvals") || joined.contains("to approve") || joined.contains("pending approval")) {
      return commands.approvals(person, state);
    }
    if (words.get(0).equals("cancel") || joined.startsWith("never mind") || joined.equals("nevermind")) {
      return commands.cancel(person, text, found.map(f -> f.app().name().value()), state);
    }
    if (found.isEmpty() && (joined.contains("my requests") || joined.contains("my request") || words.get(0).equals("status")
        || joined.equals("requests") || joined.contains("what's the status") || joined.contains("what is the status"))) {
      return commands.status(person, state);
    }

    if (found.isPresent() && removal(words, joined)) {
      return grants.askRemoval(person, found.get().app(), state);
    }
    if (found.isPresent() && (words.get(0).equals("renew") || words.get(0).equals("extend")
        || joined.contains("renew my") || joined.contains("extend my"))) {
      CatalogEntry app = found.get().app();
      return access.ask(person, app, roleIn(appText, found.get(), app),
          end.map(EndPhrase.Found::until).orElse(null), true, state);
    }

    switch (state.step()) {
      case CHOOSING_END -> {
        Optional<java.time.Instant> until = EndPhrase.answer(text, clock);
        if (until.isPresent()) {
          return access.chooseEnd(person, until.get(), state);
        }
        if (found.isEmpty()) {
          if (NO.contains(words.get(0)) || joined.startsWith("not now")) {
            return new Turn("OK, I haven't requested anything. Anything else I can get you?", state.idle());
          }
          return new Turn("Sorry, I didn't catch until when. Say e.g. **for 2 weeks**, **until Friday** or **until "
              + java.time.LocalDate.now(clock).plusDays(14) + "**.", state);
        }
      }
      case CONFIRMING_REMOVAL -> {
        if (found.isEmpty()) {
          if (YES.contains(words.get(0)) || joined.startsWith("go ahead") || joined.startsWith("do it")) {
            return grants.confirmRemoval(person, state);
          }
          if (NO.contains(words.get(0)) || joined.startsWith("not now")) {
            return new Turn("OK, you keep your access to **" + state.app() + "**.", state.idle());
          }
          return new Turn("Shall I remove your access to **" + state.app() + "**? Please answer **yes** or **no**.",
              state);
        }
      }
      case CHOOSING_ROLE -> {
        if (found.isEmpty() || found.get().app().name().value().equalsIgnoreCase(state.app())) {
          return access.chooseRole(person, text, state);
        }
      }
      case CONFIRMING -> {
        if (found.isEmpty()) {
          if (YES.contains(words.get(0)) || joined.startsWith("go ahead") || joined.startsWith("do it")) {
            return access.confirm(person, state);
          }
          if (NO.contains(words.get(0)) || joined.startsWith("not now")) {
            return new Turn("OK, I haven't requested anything. Anything else I can get you?", state.idle());
          }
          return new Turn("Shall I submit the request? Please answer **yes** or **no**.", state);
        }
      }
      case IDLE -> { }
    }

    if (found.isPresent()) {
      CatalogEntry app = found.get().app();
      RoleName role = roleIn(appText, found.get(), app);
      Turn turn = access.ask(person, app, role, end.map(EndPhrase.Found::until).orElse(null), false, state);
      if (found.get().how() == AppFinder.How.TYPO) {
        return new Turn("I think you mean **" + app.name().value() + "**.\n\n" + turn.text(), turn.state());
      }
      return turn;
    }
    if (words.stream().allMatch(w -> GREETINGS.contains(w) || Words.STOP.contains(w))) {
      return new Turn("Hello! " + Replies.HELP, state.idle());
    }
    return unknown(words, finder, state);
  }

  /** "remove my access to figma", "revoke my figma access", "remove me from jira", "I don't need figma any more". */
  private static boolean removal(List<String> words, String joined) {
    String first = words.get(0);
    return ((first.equals("remove") || first.equals("revoke") || first.equals("end"))
        && (words.contains("my") || words.contains("me")))
        || joined.contains("remove my") || joined.contains("remove me from") || joined.contains("revoke my")
        || joined.contains("end my access") || joined.contains("don't need") && joined.contains("any")
        || joined.contains("no longer need");
  }

  // A role named (or described) in the same sentence as the app, e.g. "github write access".
  private static @Nullable RoleName roleIn(String text, AppFinder.Found found, CatalogEntry app) {
    if (app.roles().isEmpty()) {
      return null;
    }
    String rest = (" " + Words.phrase(text) + " ").replace(" " + found.words() + " ", " ");
    return RoleChooser.choose(rest, app.roles(), false).map(RoleChooser.Choice::role).map(Role::name).orElse(null);
  }

  /**
   * No app found. What is left of the message once the small words and the actions (remove, renew, …)
   * are taken out is quoted back: "remove my access to nonexistentapp" could not find the app
   * "nonexistentapp", not "remove nonexistentapp".
   */
  static Turn unknown(List<String> words, AppFinder finder, ConversationState state) {
    boolean action = words.stream().anyMatch(ACTIONS::contains);
    List<String> meaningful = words.stream().filter(w -> !Words.STOP.contains(w) && !ACTIONS.contains(w))
        .limit(4).toList();
    if (meaningful.isEmpty()) {
      return new Turn("Which app do you need? Tell me its name, e.g. **can I get figma?**", state);
    }
    String phrase = String.join(" ", meaningful);
    List<CatalogEntry> close = finder.suggestions(phrase);
    if (close.isEmpty()) {
      for (String word : meaningful) {
        close = finder.suggestions(word);
        if (!close.isEmpty()) {
          break;
        }
      }
    }
    String suggestion = close.isEmpty() ? " If it's something new, IT can add it to the catalog."
        : " Did you mean " + String.join(", ", close.stream().map(a -> "**" + a.name().value() + "**").toList()) + "?";
    return new Turn("I couldn't find " + (action ? "the app " : "") + "\"" + phrase + "\" in the software catalog."
        + suggestion, state.idle());
  }
}
