package dev.sesame.catalog;

import dev.sesame.common.ConflictException;
import java.util.Locale;
import java.util.Optional;

/**
 * Who holds a role now, asked by the catalog before a role is deleted; implemented where grants
 * are kept (the catalog itself knows nothing of requests and grants).
 */
public interface HeldAccess {

  /** How many people hold this role of this app now (their access has not ended). */
  int holders(AppName app, RoleName role);

  /**
   * What happens to the access of the people who hold a role that is deleted: the admin must
   * choose, and the choice is audited.
   */
  enum Choice {
    /** Their access is ended: Sesame removes them from the role's group and ends their grants. */
    REMOVE,
    /** Their access stays in the identity system; Sesame no longer manages it (the grants end). */
    KEEP;

    /** Parses {@code remove} or {@code keep} (any case); empty for anything else. */
    public static Optional<Choice> parse(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "remove" -> Optional.of(REMOVE);
        case "keep" -> Optional.of(KEEP);
        default -> Optional.empty();
      };
    }

    /** The word used in the API and the console. */
    public String token() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A change deletes roles that people hold and did not say what happens to their access (409).
   *
   * @param holders how many people hold the deleted roles, together
   */
  final class Undecided extends ConflictException {

    private final int holders;
    private final String summary;

    /** {@code summary} says who holds what, e.g. "2 people hold the role 'deploy' of Deploy Tool". */
    public Undecided(String summary, int holders) {
      super(summary + ". Say what happens to their access: send heldAccess \"remove\" to end it (Sesame removes"
          + " them from the group) or \"keep\" to leave it in place, no longer managed by Sesame");
      this.summary = summary;
      this.holders = holders;
    }

    /** Who holds what, without the API's instructions. */
    public String summary() {
      return summary;
    }

    public int holders() {
      return holders;
    }
  }
}
