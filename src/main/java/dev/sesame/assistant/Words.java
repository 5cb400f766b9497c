package dev.sesame.assistant;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits what people write into comparable words. */
final class Words {

  /** Words that carry no meaning for finding an app or a role. */
  static final Set<String> STOP = Set.copyOf(List.of(
      "a", "an", "the", "i", "im", "i'm", "me", "my", "mine", "we", "you", "your", "it", "is", "am", "are", "be",
      "can", "could", "would", "will", "should", "may", "might", "do", "does", "did", "get", "got", "give",
      "need", "needs", "want", "wanted", "like", "please", "pls", "plz", "thanks", "thank", "thx", "hi", "hello",
      "hey", "to", "for", "of", "on", "in", "into", "at", "with", "and", "or", "so", "just", "also", "some",
      "access", "account", "accounts", "licence", "license", "licenses", "licences", "seat", "install", "app",
      "application", "software", "tool", "request", "requesting", "use", "using", "new", "have", "has", "how",
      "what", "which", "who", "that", "this", "there", "here", "up", "set", "setup", "add", "added", "team",
      "only", "people", "person", "if", "as", "all", "any", "one", "them", "they", "their", "our", "us",
      "yes", "no", "ok", "okay", "role", "roles", "level", "permission", "permissions", "asap", "urgently",
      "something", "work", "job", "myself", "about", "from", "by", "not", "dont", "don't", "know", "think"));

  private Words() {}

  /** Lower-case words of the text, accents removed, punctuation dropped (keeps '-', '.', '+'). */
  static List<String> of(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replace('’', '\'');
    List<String> words = new ArrayList<>();
    for (String raw : plain.split("[^\\p{L}\\p{N}.+'\\-]+")) {
      String word = raw.replaceAll("^[.'\\-]+|[.'\\-]+$", "");
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /** The same text as one normalised phrase, e.g. "Adobe Creative-Cloud!" → "adobe creative-cloud". */
  static String phrase(String text) {
    return String.join(" ", of(text));
  }

  /** A crude stem so that "engineers", "engineering" and "engineer" meet. */
  static String stem(String word) {
    for (String suffix : List.of("ing", "ers", "er", "es", "ed", "s")) {
      if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
        // Again, so that "engineering" → "engineer" → "engine" meets "engineers".
        return stem(word.substring(0, word.length() - suffix.length()));
      }
    }
    return word;
  }
}
