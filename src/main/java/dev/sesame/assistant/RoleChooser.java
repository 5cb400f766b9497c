package dev.sesame.assistant;

import dev.sesame.catalog.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks a role from what a person wrote: a number from the list shown, the role's name or
 * user-facing name, or words that match the role's hint and description ("I push code" → Write).
 * Ambiguous answers pick nothing, so that the assistant asks again.
 */
final class RoleChooser {

  private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");

  private RoleChooser() {}

  /** How the role was picked. */
  enum How {
    /** By its number in the list shown. */
    NUMBER,
    /** By its name or user-facing name. */
    NAME,
    /** By words matching its hint or description. */
    HINT
  }

  /** A chosen role and how it was chosen. */
  record Choice(Role role, How how) {}

  /** The role the text picks among {@code roles} (listed in this order), if it picks exactly one. */
  static Optional<Choice> choose(String text, List<Role> roles, boolean allowNumbers) {
    List<String> words = Words.of(text);
    if (allowNumbers) {
      Optional<Integer> number = number(words);
      if (number.isPresent()) {
        int n = number.get();
        return n >= 1 && n <= roles.size() ? Optional.of(new Choice(roles.get(n - 1), How.NUMBER)) : Optional.empty();
      }
    }
    Optional<Choice> byName = byName(words, roles);
    if (byName.isPresent()) {
      return byName;
    }
    return byHint(words, roles);
  }

  /** A number the words give, as "2", "#2", "option 2" or "the second". */
  static Optional<Integer> number(List<String> words) {
    for (String word : words) {
      String digits = word.replaceAll("^#", "");
      if (digits.matches("\\d{1,3}")) {
        return Optional.of(Integer.parseInt(digits));
      }
      int ordinal = ORDINALS.indexOf(word);
      if (ordinal >= 0) {
        return Optional.of(ordinal + 1);
      }
    }
    return Optional.empty();
  }

  private static Optional<Choice> byName(List<String> words, List<Role> roles) {
    String sentence = " " + String.join(" ", words) + " ";
    List<Role> named = roles.stream()
        .filter(r -> sentence.contains(" " + Words.phrase(r.name().value()) + " ")
            || sentence.contains(" " + Words.phrase(r.displayName()) + " ")
            || sentence.contains(" " + Words.phrase(r.name().value().replace('-', ' ')) + " "))
        .toList();
    // "read-only" also contains "read": prefer the longest name written.
    return named.stream()
        .max(java.util.Comparator.comparingInt((Role r) -> Math.max(r.name().value().length(), r.displayName().length())))
        .map(r -> new Choice(r, How.NAME));
  }

  private static Optional<Choice> byHint(List<String> words, List<Role> roles) {
    Set<String> said = stems(words);
    if (said.isEmpty()) {
      return Optional.empty();
    }
    Role best = null;
    int bestScore = 0;
    boolean tie = false;
    for (Role role : roles) {
      Set<String> described = stems(Words.of(role.hint() + " " + role.description() + " " + role.displayName()));
      described.retainAll(said);
      int score = described.size();
      if (score > bestScore) {
        best = role;
        bestScore = score;
        tie = false;
      } else if (score == bestScore && score > 0) {
        tie = true;
      }
    }
    return best == null || tie ? Optional.empty() : Optional.of(new Choice(best, How.HINT));
  }

  private static Set<String> stems(List<String> words) {
    return words.stream().filter(w -> !Words.STOP.contains(w) && w.length() > 2)
        .map(Words::stem).collect(Collectors.toCollection(HashSet::new));
  }
}
