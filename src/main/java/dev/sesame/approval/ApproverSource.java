package dev.sesame.approval;

import dev.sesame.directory.PersonId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a stage's approvers come from. Written in policies as a short token: {@code manager},
 * {@code managers-manager}, {@code app-admins}, {@code person:<login>} or {@code group:<name>}.
 */
public sealed interface ApproverSource {

  /** The token this source is written as in a policy. */
  String token();

  /** How the source reads to people, e.g. "the requester's manager". */
  String label();

  /** The requester's manager in the directory. */
  record Manager() implements ApproverSource {
    public String token() {
      return "manager";
    }

    public String label() {
      return "manager";
    }
  }

  /** The manager of the requester's manager. */
  record ManagersManager() implements ApproverSource {
    public String token() {
      return "managers-manager";
    }

    public String label() {
      return "manager's manager";
    }
  }

  /** The app admins named in the catalog. */
  record AppAdmins() implements ApproverSource {
    public String token() {
      return "app-admins";
    }

    public String label() {
      return "app admins";
    }
  }

  /** One named person. */
  record Named(PersonId person) implements ApproverSource {
    public String token() {
      return "person:" + person.value();
    }

    public String label() {
      return person.value();
    }
  }

  /** The members of a directory group, by its common name. */
  record GroupMembers(String group) implements ApproverSource {

    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9 ._-]{0,127}");

    public GroupMembers {
      group = group.strip().toLowerCase(Locale.ROOT);
      if (!GROUP.matcher(group).matches()) {
        throw new IllegalArgumentException("'" + group + "' is not a group name: use letters, digits, spaces, '.',"
            + " '-' and '_' (at most 128)");
      }
    }

    public String token() {
      return "group:" + group;
    }

    public String label() {
      return "members of " + group;
    }
  }

  /** The source a token names; the exception's message says what is wrong. */
  static ApproverSource parse(String token) {
    String text = token.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "manager":
        return new Manager();
      case "managers-manager":
      case "manager's manager":
        return new ManagersManager();
      case "app-admins":
      case "app admins":
        return new AppAdmins();
      default:
        break;
    }
    if (lower.startsWith("person:")) {
      return new Named(PersonId.parse(text.substring("person:".length()).strip()).orElseThrow(() ->
          new IllegalArgumentException("'" + text + "' does not name a login after person:")));
    }
    if (lower.startsWith("group:")) {
      return new GroupMembers(text.substring("group:".length()));
    }
    throw new IllegalArgumentException("'" + text + "' is not an approver: use manager, managers-manager, app-admins,"
        + " person:<login> or group:<name>");
  }

  /** Parses untrusted text; empty when it is not a source. */
  static Optional<ApproverSource> tryParse(String token) {
    try {
      return Optional.of(parse(token));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
