package dev.sesame.directory;

import dev.sesame.common.ForbiddenException;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The people who may change the catalog: the members of the directory group named by
 * {@code sesame.directory.catalog-admins-group}. They are also the approvers of last resort.
 */
@Component
public class CatalogAdmins {

  private final Directory directory;
  private final String group;

  CatalogAdmins(Directory directory, DirectorySettings settings) {
    this.directory = directory;
    this.group = settings.catalogAdminsGroup();
  }

  /** The current catalog admins. */
  public Set<PersonId> members() {
    return directory.membersOf(group);
  }

  /** True when the person is a catalog admin. */
  public boolean includes(PersonId person) {
    return members().contains(person);
  }

  /** Refuses anyone who is not a catalog admin. */
  public void require(PersonId person) {
    if (!includes(person)) {
      throw new ForbiddenException("only members of " + group + " may change the catalog");
    }
  }
}
