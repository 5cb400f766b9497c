package dev.sesame.assistant;

import dev.sesame.catalog.CatalogEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the app a sentence asks for: by its name or an alias written anywhere in the sentence
 * (longest wins), else by a close spelling of a name or alias ("fgima" is Figma). Abbreviations
 * such as "gh" only come from aliases, never from guessing.
 */
final class AppFinder {

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

  private final List<CatalogEntry> apps;

  AppFinder(List<CatalogEntry> apps) {
    this.apps = List.copyOf(apps);
  }

  /** How the app was recognised. */
  enum How {
    /** Its name or an alias is in the sentence. */
    EXACT,
    /** A word is a close spelling of its name or alias. */
    TYPO
  }

  /** An app found in a sentence, and the words that named it. */
  record Found(CatalogEntry app, How how, String words) {}

  /** The app the sentence names, if any. */
  Optional<Found> find(String sentence) {
    List<String> words = Words.of(sentence);
    Found best = null;
    int bestLength = 0;
    for (CatalogEntry app : apps) {
      for (String candidate : names(app)) {
        List<String> wanted = Words.of(candidate);
        if (!wanted.isEmpty() && wanted.size() > bestLength && contains(words, wanted)) {
          best = new Found(app, How.EXACT, String.join(" ", wanted));
          bestLength = wanted.size();
        }
      }
    }
    if (best != null) {
      return Optional.of(best);
    }
    return closest(words);
  }

  /** Up to three apps whose names look most like the phrase, for "did you mean". */
  List<CatalogEntry> suggestions(String phrase) {
    String wanted = Words.phrase(phrase);
    if (wanted.isEmpty()) {
      return List.of();
    }
    record Scored(CatalogEntry app, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (CatalogEntry app : apps) {
      double score = names(app).stream()
          .mapToDouble(n -> JARO_WINKLER.apply(wanted, Words.phrase(n)))
          .max().orElse(0);
      if (score >= 0.7) {
        scored.add(new Scored(app, score));
      }
    }
    return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed())
        .limit(3).map(Scored::app).toList();
  }

  private Optional<Found> closest(List<String> words) {
    Found best = null;
    double bestScore = 0;
    for (int size = 1; size <= 3; size++) {
      for (int start = 0; start + size <= words.size(); start++) {
        List<String> gram = words.subList(start, start + size);
        if (gram.stream().allMatch(Words.STOP::contains)) {
          continue;
        }
        String text = String.join(" ", gram);
        if (text.length() < 4) {
          continue;
        }
        for (CatalogEntry app : apps) {
          for (String candidate : names(app)) {
            String name = Words.phrase(candidate);
            if (name.length() < 4 || !typo(text, name)) {
              continue;
            }
            double score = JARO_WINKLER.apply(text, name);
            if (score > bestScore) {
              bestScore = score;
              best = new Found(app, How.TYPO, text);
            }
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  // A typo: at most one edit in five letters (two from ten), and alike from the start.
  private static boolean typo(String text, String name) {
    int allowed = Math.max(1, Math.min(name.length(), text.length()) / 5);
    if (Math.abs(text.length() - name.length()) > allowed) {
      return false;
    }
    int distance = LEVENSHTEIN.apply(text, name);
    boolean transposed = distance == 2 && sameLetters(text, name);
    return (distance <= allowed || transposed) && JARO_WINKLER.apply(text, name) >= 0.85;
  }

  private static boolean sameLetters(String a, String b) {
    char[] x = a.toCharArray();
    char[] y = b.toCharArray();
    java.util.Arrays.sort(x);
    java.util.Arrays.sort(y);
    return java.util.Arrays.equals(x, y);
  }

  private static List<String> names(CatalogEntry app) {
    List<String> names = new ArrayList<>();
    names.add(app.name().value());
    names.addAll(app.aliases());
    return names;
  }

  private static boolean contains(List<String> words, List<String> wanted) {
    for (int i = 0; i + wanted.size() <= words.size(); i++) {
      if (words.subList(i, i + wanted.size()).equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
