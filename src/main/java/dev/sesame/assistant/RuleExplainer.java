package dev.sesame.assistant;

import dev.sesame.catalog.AccessRule;
import dev.sesame.directory.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words who an access rule admits, for the common shapes of rule: comparisons of one
 * attribute with a text, list membership and group membership, joined by {@code &&} or {@code ||}.
 * A rule of another shape is described as "the app's access rule" rather than guessed at.
 */
final class RuleExplainer {

  private static final Map<String, String> ATTRIBUTES = Map.of(
      "department", "department", "country", "country", "location", "office",
      "employmentType", "employment type", "title", "job title", "login", "login", "manager", "manager");
  private static final Pattern COMPARE =
      Pattern.compile("^user\\.(\\w+)\\s*(==|!=)\\s*['\"]([^'\"]*)['\"]$");
  private static final Pattern IN_LIST =
      Pattern.compile("^user\\.(\\w+)\\s+in\\s+\\[([^\\]]*)]$");
  private static final Pattern IN_GROUPS =
      Pattern.compile("^(!?)\\s*['\"]([^'\"]+)['\"]\\s+in\\s+user\\.groups$");

  private RuleExplainer() {}

  /** "whose department is Engineering (yours is Sales)", or empty for rules of other shapes. */
  static Optional<String> explain(AccessRule rule, Person person) {
    String text = rule.expression().strip();
    String joiner = text.contains("||") && !text.contains("&&") ? " or " : " and ";
    String[] parts = text.split(joiner.equals(" or ") ? "\\|\\|" : "&&");
    List<String> phrases = new ArrayList<>();
    Map<String, Object> attributes = person.attributes();
    Optional<String> oneOf = oneOf(parts, joiner, attributes);
    if (oneOf.isPresent()) {
      return oneOf;
    }
    for (String raw : parts) {
      String part = raw.strip().replaceAll("^\\((.*)\\)$", "$1").strip();
      Matcher compare = COMPARE.matcher(part);
      Matcher inList = IN_LIST.matcher(part);
      Matcher inGroups = IN_GROUPS.matcher(part);
      if (compare.matches() && ATTRIBUTES.containsKey(compare.group(1))) {
        String attribute = ATTRIBUTES.get(compare.group(1));
        phrases.add("whose " + attribute + (compare.group(2).equals("==") ? " is " : " is not ") + compare.group(3)
            + " (yours is " + attributes.getOrDefault(compare.group(1), "unknown") + ")");
      } else if (inList.matches() && ATTRIBUTES.containsKey(inList.group(1))) {
        String values = inList.group(2).replaceAll("['\"]", "").replaceAll("\\s*,\\s*", ", ");
        phrases.add("whose " + ATTRIBUTES.get(inList.group(1)) + " is one of " + values
            + " (yours is " + attributes.getOrDefault(inList.group(1), "unknown") + ")");
      } else if (inGroups.matches()) {
        phrases.add("who " + (inGroups.group(1).isEmpty() ? "are" : "are not") + " in the group " + inGroups.group(2));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(String.join(joiner, phrases));
  }

  // "user.department == 'Design' || user.department == 'Marketing'" reads as one list of values.
  private static Optional<String> oneOf(String[] parts, String joiner, Map<String, Object> attributes) {
    if (!joiner.equals(" or ") || parts.length < 2) {
      return Optional.empty();
    }
    String attribute = null;
    List<String> values = new ArrayList<>();
    for (String raw : parts) {
      Matcher compare = COMPARE.matcher(raw.strip().replaceAll("^\\((.*)\\)$", "$1").strip());
      if (!compare.matches() || !compare.group(2).equals("==") || !ATTRIBUTES.containsKey(compare.group(1))
          || attribute != null && !attribute.equals(compare.group(1))) {
        return Optional.empty();
      }
      attribute = compare.group(1);
      values.add(compare.group(3));
    }
    String list = String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    return Optional.of("whose " + ATTRIBUTES.get(attribute) + " is " + list
        + " (yours is " + attributes.getOrDefault(attribute, "unknown") + ")");
  }
}
