package dev.sesame.catalog;

import dev.sesame.audit.AuditTrail;
import dev.sesame.directory.PersonId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A change that deletes roles people hold must say what happens to their access: without a
 * choice it is refused (409, naming how many hold them and the field to send); with one, the
 * choice is audited per role and travels with {@link AppChanged} to whoever ends or keeps the
 * access.
 */
@Component
class DeletedRoles {

  private final HeldAccess held;
  private final AuditTrail audit;

  DeletedRoles(HeldAccess held, AuditTrail audit) {
    this.held = held;
    this.audit = audit;
  }

  /**
   * The choice that applies to this change: null when it deletes no held role. Refuses the change
   * when it deletes held roles and {@code choice} is null.
   */
  HeldAccess.@Nullable Choice decide(@Nullable CatalogApp before, CatalogEntry after, HeldAccess.@Nullable Choice choice,
      PersonId actor) {
    Map<RoleName, Integer> holders = new LinkedHashMap<>();
    for (Role role : AppChanged.removedRoles(before, after)) {
      int count = held.holders(after.name(), role.name());
      if (count > 0) {
        holders.put(role.name(), count);
      }
    }
    if (holders.isEmpty()) {
      return null;
    }
    int total = holders.values().stream().mapToInt(Integer::intValue).sum();
    if (choice == null) {
      String which = holders.size() == 1
          ? "the role '" + holders.keySet().iterator().next().value() + "'"
          : "roles this change deletes (" + holders.entrySet().stream()
              .map(e -> e.getKey().value() + ": " + e.getValue()).collect(Collectors.joining(", ")) + ")";
      throw new HeldAccess.Undecided(total + (total == 1 ? " person holds " : " people hold ") + which + " of "
          + after.name().value() + (holders.size() == 1 ? ", which this change deletes" : ""), total);
    }
    holders.forEach((role, count) ->
        audit.heldAccessDecided(actor.value(), after.name().value(), role.value(), count, choice.token()));
    return choice;
  }
}
