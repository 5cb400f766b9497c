package dev.sesame.catalog;

import dev.sesame.approval.PolicyName;
import dev.sesame.directory.PersonId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One requestable app, with everything the admin guide lets an admin set. Immutable: a change is a
 * new entry saved as a new {@link Revision}.
 *
 * @param aliases other names people use, lower case, e.g. {@code gh} for GitHub
 * @param enabledInBot false when the assistant must not take requests for the app
 * @param appAdmins the people who own the app and approve in app-admin flows
 * @param approvalFlow the approval policy of the app's requests (a role may name its own)
 * @param linksPretext the sentence shown above {@code links}
 * @param accessDuration whether access may or must end on a date (a role may set its own)
 */
public record CatalogEntry(
    AppName name,
    List<String> aliases,
    boolean enabledInBot,
    AccessRule accessRule,
    List<PersonId> appAdmins,
    PolicyName approvalFlow,
    String linksPretext,
    List<Link> links,
    Strategy strategy,
    AccessDuration accessDuration) {

  /** An entry whose access does not end on a date. */
  public CatalogEntry(AppName name, List<String> aliases, boolean enabledInBot, AccessRule accessRule,
      List<PersonId> appAdmins, PolicyName approvalFlow, String linksPretext, List<Link> links, Strategy strategy) {
    this(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow, linksPretext, links, strategy,
        AccessDuration.NONE);
  }

  public CatalogEntry {
    aliases = aliases.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).filter(a -> !a.isEmpty())
        .distinct().toList();
    appAdmins = List.copyOf(appAdmins);
    linksPretext = linksPretext.strip();
    links = List.copyOf(links);
  }

  /** The roles people choose from; empty unless the app is role-based. */
  public List<Role> roles() {
    return strategy instanceof Strategy.RoleAccess r ? r.roles() : List.of();
  }

  /** The role with this canonical name, if the app is role-based and has it. */
  public Optional<Role> role(RoleName name) {
    return roles().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The policy that decides requests for this role (or the app when it has no roles). */
  public PolicyName policyFor(Optional<Role> role) {
    return role.flatMap(Role::policy).orElse(approvalFlow);
  }

  /** Whether access to this role (or the app when it has no roles) may or must end on a date. */
  public AccessDuration durationFor(Optional<Role> role) {
    return role.flatMap(Role::duration).orElse(accessDuration);
  }

  /**
   * A copy under another name (an update or import keeps the stored spelling); everything else,
   * the app-level {@code accessDuration} included, is kept.
   */
  public CatalogEntry withName(AppName newName) {
    return new CatalogEntry(newName, aliases, enabledInBot, accessRule, appAdmins, approvalFlow,
        linksPretext, links, strategy, accessDuration);
  }

  /** A copy with another rule for end dates. */
  public CatalogEntry withAccessDuration(AccessDuration duration) {
    return new CatalogEntry(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow,
        linksPretext, links, strategy, duration);
  }

  /** A copy with another strategy. */
  public CatalogEntry withStrategy(Strategy newStrategy) {
    return new CatalogEntry(name, aliases, enabledInBot, accessRule, appAdmins, approvalFlow,
        linksPretext, links, newStrategy, accessDuration);
  }

  /** A copy that is (or is not) offered by the assistant. */
  public CatalogEntry withEnabledInBot(boolean enabled) {
    return new CatalogEntry(name, aliases, enabled, accessRule, appAdmins, approvalFlow,
        linksPretext, links, strategy, accessDuration);
  }
}
