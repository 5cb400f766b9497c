package dev.sesame.catalog;

import dev.sesame.approval.ApprovalPolicies;
import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.SavePolicy;
import dev.sesame.audit.AuditTrail;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Replaces the whole catalog with a YAML document. The dry run reports every error in the document
 * and what would change; the import applies all of it or nothing. The document is the whole
 * catalog: an app that it no longer lists is archived (never deleted), an archived app that it
 * lists again comes back. Its optional {@code policies} list creates or changes approval policies
 * (saved before the apps that name them); a policy the document does not list is left as it is.
 * Like saving one app, an import that deletes roles people hold needs the admin's choice for their
 * access ({@code heldAccess}), and every app it changes is published as {@link AppChanged}.
 */
@Component
public class ImportCatalog {

  /** The longest document accepted, in characters: far more than a catalog of a thousand apps. */
  static final int MAX_DOCUMENT = 2_000_000;

  private final CatalogRepository repository;
  private final CatalogReferences references;
  private final CatalogAdmins admins;
  private final ApprovalPolicies policies;
  private final SavePolicy savePolicy;
  private final AuditTrail audit;
  private final Clock clock;
  private final DeletedRoles deletedRoles;
  private final ApplicationEventPublisher events;

  ImportCatalog(CatalogRepository repository, CatalogReferences references, CatalogAdmins admins,
      ApprovalPolicies policies, SavePolicy savePolicy, AuditTrail audit, Clock clock, DeletedRoles deletedRoles,
      ApplicationEventPublisher events) {
    this.deletedRoles = deletedRoles;
    this.events = events;
    this.repository = repository;
    this.references = references;
    this.policies = policies;
    this.savePolicy = savePolicy;
    this.admins = admins;
    this.audit = audit;
    this.clock = clock;
  }

  /** What happens to one app. */
  public enum Change {
    /** The app is new. */
    CREATED,
    /** The app's entry changes (or an archived app comes back). */
    UPDATED,
    /** The document has the app exactly as it is. */
    UNCHANGED,
    /** The document no longer lists the app. */
    ARCHIVED
  }

  /** The outcome of a dry run or an import: every error, and the change for each app. */
  public record Report(List<FieldError> errors, Map<String, Change> changes) {

    /** True when the document can be imported. */
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** Checks the document and says what it would change, changing nothing. */
  public Report dryRun(String yaml, PersonId actor) {
    admins.require(actor);
    return analyse(yaml).report();
  }

  /** Imports the document in one transaction, or fails with every error found. */
  @Transactional
  public Report execute(String yaml, String description, PersonId actor) {
    return execute(yaml, description, actor, null);
  }

  /**
   * Imports the document in one transaction, with the admin's choice for the access of people who
   * hold roles the document deletes (required only when there are such people).
   */
  @Transactional
  public Report execute(String yaml, String description, PersonId actor, HeldAccess.@Nullable Choice heldAccess) {
    admins.require(actor);
    return apply(yaml, description, actor, heldAccess);
  }

  /**
   * Loads the seed catalog into an empty catalog, as Sesame itself. NB. Several nodes may start at
   * once on one empty database: the first to take the seeding lock loads the catalog, the others
   * then find it loaded and change nothing.
   */
  @Transactional
  Report seed(String yaml) {
    repository.lockForSeeding();
    if (!repository.isEmpty()) {
      return new Report(List.of(), Map.of());
    }
    return apply(yaml, "Initial catalog", CatalogSeeder.SESAME, null);
  }

  private Report apply(String yaml, String description, PersonId actor, HeldAccess.@Nullable Choice heldAccess) {
    Analysis analysis = analyse(yaml);
    if (!analysis.report().ok()) {
      throw new InvalidInputException(analysis.report().errors());
    }
    String why = description.isBlank() ? "Imported from YAML" : description.strip();
    for (ApprovalPolicy policy : analysis.policies()) {
      savePolicy.save(new SavePolicy.Command(policy, null, why, actor, "policies"));
    }
    Map<String, CatalogApp> current = analysis.current();
    for (CatalogEntry entry : analysis.entries()) {
      CatalogApp existing = current.get(entry.name().key());
      Change change = analysis.report().changes().get(entry.name().value());
      if (change == Change.UNCHANGED) {
        continue;
      }
      int version = existing == null ? 1 : existing.revision().version() + 1;
      CatalogEntry kept = existing == null ? entry : rename(entry, existing.name());
      CatalogApp app = new CatalogApp(kept, new Revision(version, why, clock.instant(), actor), false);
      HeldAccess.Choice choice = deletedRoles.decide(existing, kept, heldAccess, actor);
      if (existing == null) {
        repository.insert(app);
      } else {
        repository.update(app);
      }
      audit.catalogChanged(actor.value(), kept.name().value(), existing == null ? "created" : "updated", version, why);
      events.publishEvent(new AppChanged(existing, app, actor, choice));
    }
    for (CatalogApp app : current.values()) {
      if (analysis.report().changes().get(app.name().value()) == Change.ARCHIVED) {
        int version = app.revision().version() + 1;
        CatalogApp archived = new CatalogApp(app.entry(), new Revision(version, why, clock.instant(), actor), true);
        repository.update(archived);
        audit.catalogChanged(actor.value(), app.name().value(), "archived", version, why);
        events.publishEvent(new AppChanged(app, archived, actor, null));
      }
    }
    return analysis.report();
  }

  private Analysis analyse(String yaml) {
    Map<String, CatalogApp> current = new LinkedHashMap<>();
    repository.all().forEach(app -> current.put(app.name().key(), app));
    List<FieldError> errors = new ArrayList<>();
    List<CatalogEntry> entries = new ArrayList<>();
    List<ApprovalPolicy> written = new ArrayList<>();
    if (yaml.length() > MAX_DOCUMENT) {
      return new Analysis(new Report(List.of(new FieldError("yaml", "the document has " + yaml.length()
          + " characters; at most " + MAX_DOCUMENT + " are accepted")), Map.of()), List.of(), List.of(), current);
    }
    JsonNode document;
    try {
      document = CatalogYaml.parse(yaml);
    } catch (CatalogYaml.Invalid e) {
      return new Analysis(new Report(List.of(e.error), Map.of()), List.of(), List.of(), current);
    }
    if (!document.isObject()) {
      errors.add(new FieldError("yaml", "the document must be a mapping with the key 'apps'"));
    } else {
      for (String key : document.propertyNames()) {
        if (!key.equals("apps") && !key.equals("policies")) {
          errors.add(new FieldError(key, "unknown field; the document has only 'policies' and 'apps'"));
        }
      }
      readPolicies(document.get("policies"), written, errors);
      JsonNode apps = document.get("apps");
      if (apps == null || !apps.isArray()) {
        errors.add(new FieldError("apps", "is required and must be a list of apps"));
      } else if (apps.isEmpty()) {
        // NB. an empty list would archive the whole catalog; that is never what an import means.
        errors.add(new FieldError("apps", "lists no apps; importing it would archive the whole catalog "
            + "(archive apps one by one instead)"));
      } else {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < apps.size(); i++) {
          CatalogCodec.Read read = CatalogCodec.read(apps.get(i), "apps[" + i + "]");
          errors.addAll(read.errors());
          int index = i;
          read.entry().ifPresent(entry -> {
            Integer first = seen.putIfAbsent(entry.name().key(), index);
            if (first != null) {
              errors.add(new FieldError("apps[" + index + "].name",
                  "'" + entry.name().value() + "' is already listed at apps[" + first + "]"));
            } else {
              entries.add(entry);
            }
          });
        }
        for (int i = 0; i < entries.size(); i++) {
          CatalogEntry entry = entries.get(i);
          List<CatalogEntry> others = entries.stream().filter(e -> e != entry).toList();
          errors.addAll(references.check(entry, "apps[" + seen.get(entry.name().key()) + "]", others, written));
        }
      }
    }
    Map<String, Change> changes = new LinkedHashMap<>();
    if (errors.isEmpty()) {
      for (ApprovalPolicy policy : written) {
        Optional<ApprovalPolicy> existing = policies.stored(policy.name()).map(p -> p.policy());
        changes.put("policy " + policy.name().value(), existing.isEmpty() ? Change.CREATED
            : existing.get().equals(policy) ? Change.UNCHANGED : Change.UPDATED);
      }
      Set<String> listed = new java.util.HashSet<>();
      for (CatalogEntry entry : entries) {
        listed.add(entry.name().key());
        CatalogApp existing = current.get(entry.name().key());
        Change change = existing == null ? Change.CREATED
            : existing.archived() || !rename(entry, existing.name()).equals(existing.entry()) ? Change.UPDATED
            : Change.UNCHANGED;
        changes.put(existing == null ? entry.name().value() : existing.name().value(), change);
      }
      current.values().stream()
          .filter(app -> !app.archived() && !listed.contains(app.name().key()))
          .forEach(app -> changes.put(app.name().value(), Change.ARCHIVED));
    }
    return new Analysis(new Report(errors, changes), entries, written, current);
  }

  private void readPolicies(@Nullable JsonNode node, List<ApprovalPolicy> written, List<FieldError> errors) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isArray()) {
      errors.add(new FieldError("policies", "must be a list of approval policies"));
      return;
    }
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "policies[" + i + "]";
      PolicyCodec.Read read = PolicyCodec.read(node.get(i), path);
      errors.addAll(read.errors());
      read.policy().ifPresent(policy -> {
        if (!seen.add(policy.name().key())) {
          errors.add(new FieldError(path + ".name", "'" + policy.name().value() + "' is listed twice"));
          return;
        }
        List<FieldError> problems = savePolicy.check(policy, path);
        errors.addAll(problems);
        if (problems.isEmpty()) {
          written.add(policy);
        }
      });
    }
  }

  // NB. names are immutable: an entry that spells an existing app's name in other case keeps the
  // stored spelling.
  private static CatalogEntry rename(CatalogEntry entry, AppName name) {
    return entry.withName(name);
  }

  private record Analysis(Report report, List<CatalogEntry> entries, List<ApprovalPolicy> policies,
      Map<String, CatalogApp> current) {}
}
