package dev.sesame.assistant;

import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Link;
import dev.sesame.catalog.Role;
import dev.sesame.catalog.RoleName;
import dev.sesame.catalog.Strategy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The fixed parts of what the assistant says, in markdown. */
final class Replies {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  static final String HELP = """
      I can get you the software you need. Try:
      - **can I get figma?** — ask for an app by name (typos and abbreviations are fine); add **for 2 weeks** or **until Friday** when you need it for a while
      - **renew figma for 2 weeks** — keep access that is about to end; **remove my access to figma** — give it up
      - **my requests** or **status** — see what you asked for and where it stands
      - **cancel** — stop what we're doing, or **cancel 2** to withdraw a request
      - **approvals** — requests waiting for your decision, then **approve 1** or **deny 1 <reason>**
      - **help** — this list""";

  private Replies() {}

  static String when(Instant at) {
    return WHEN.format(at);
  }

  /** The app's links, preceded by its pretext; empty when it has none. */
  static String links(CatalogEntry app) {
    if (app.links().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("\n\n")
        .append(app.linksPretext().isEmpty() ? "Useful links:" : app.linksPretext());
    for (Link link : app.links()) {
      out.append("\n- [").append(link.label()).append("](").append(link.url()).append(")");
    }
    return out.toString();
  }

  static String selfService(CatalogEntry app) {
    Strategy.SelfService s = (Strategy.SelfService) app.strategy();
    return "**" + s.title() + "**\n\n" + s.body() + links(app);
  }

  /** The numbered list of roles, with what each allows and whom it suits. */
  static String roles(CatalogEntry app, List<RoleName> held) {
    Strategy.RoleAccess access = (Strategy.RoleAccess) app.strategy();
    StringBuilder out = new StringBuilder(access.roleQuestion().isEmpty()
        ? "Which " + app.name().value() + " role do you need?" : access.roleQuestion());
    List<Role> roles = access.roles();
    for (int i = 0; i < roles.size(); i++) {
      Role role = roles.get(i);
      out.append("\n").append(i + 1).append(". **").append(role.displayName()).append("**");
      if (!role.description().isEmpty()) {
        out.append(" — ").append(role.description());
      }
      if (!role.hint().isEmpty()) {
        out.append(" _").append(role.hint()).append("_");
      }
      if (held.contains(role.name())) {
        out.append(" (you have this)");
      }
    }
    out.append("\n\nReply with a number, the role's name, or tell me what you need it for.");
    return out.toString();
  }

  static String roleLabel(CatalogEntry app, RoleName role) {
    return app.role(role).map(Role::displayName).orElse(role.value());
  }
}
