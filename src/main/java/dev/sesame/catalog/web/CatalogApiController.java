package dev.sesame.catalog.web;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.ArchiveApp;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogCodec;
import dev.sesame.catalog.ExportCatalog;
import dev.sesame.catalog.HeldAccess;
import dev.sesame.catalog.ImportCatalog;
import dev.sesame.catalog.SaveApp;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.platform.web.CurrentPerson;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The catalog API. Writes take {@code {"changeDescription": …, "version": …, "app": {…}}} where
 * {@code app} has the same form as in the YAML; {@code ?dryRun=true} checks without saving.
 */
@RestController
@RequestMapping("/api")
class CatalogApiController {

  private static final Set<String> WRITE_KEYS = Set.of("changeDescription", "version", "app", "heldAccess");

  private final Catalog catalog;
  private final SaveApp save;
  private final ArchiveApp archive;
  private final ImportCatalog importer;
  private final ExportCatalog exporter;

  CatalogApiController(Catalog catalog, SaveApp save, ArchiveApp archive, ImportCatalog importer, ExportCatalog exporter) {
    this.catalog = catalog;
    this.save = save;
    this.archive = archive;
    this.importer = importer;
    this.exporter = exporter;
  }

  @GetMapping("/apps")
  List<AppSummary> list(@RequestParam(defaultValue = "false") boolean includeArchived) {
    return (includeArchived ? catalog.all() : catalog.current()).stream().map(AppSummary::from).toList();
  }

  @GetMapping("/apps/{name}")
  AppView get(@PathVariable String name) {
    return AppView.from(catalog.get(name(name)));
  }

  @GetMapping("/apps/{name}/history")
  List<AppView> history(@PathVariable String name) {
    AppName app = catalog.get(name(name)).name();
    return catalog.history(app).stream().map(AppView::from).toList();
  }

  @PostMapping("/apps")
  ResponseEntity<?> create(@RequestBody JsonNode body, @RequestParam(defaultValue = "false") boolean dryRun,
      Principal principal, UriComponentsBuilder uri) {
    SaveApp.Command command = command(null, body, principal);
    if (dryRun) {
      return ResponseEntity.ok(DryRun.from(save.dryRun(command)));
    }
    CatalogApp created = save.execute(command);
    URI location = uri.path("/api/apps/{name}").buildAndExpand(created.name().value()).toUri();
    return ResponseEntity.created(location).body(AppView.from(created));
  }

  @PutMapping("/apps/{name}")
  ResponseEntity<?> update(@PathVariable String name, @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean dryRun, Principal principal) {
    AppName app = name(name);
    SaveApp.Command command = command(app, body, principal);
    if (dryRun) {
      // NB. the dry run must answer like the save: 404 for an app that does not exist, not a
      // complaint that the entry renames it.
      catalog.get(app);
      return ResponseEntity.ok(DryRun.from(save.dryRun(command)));
    }
    return ResponseEntity.ok(AppView.from(save.execute(command)));
  }

  @DeleteMapping("/apps/{name}")
  AppView archive(@PathVariable String name, @RequestParam(required = false) @Nullable Integer version,
      @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "false") boolean dryRun,
      Principal principal) {
    if (dryRun) {
      return AppView.from(archive.dryRun(name(name), version, CurrentPerson.of(principal)));
    }
    return AppView.from(archive.execute(name(name), version, reason, CurrentPerson.of(principal)));
  }

  @GetMapping(value = "/catalog/export", produces = "application/yaml")
  String export() {
    return exporter.execute();
  }

  @PostMapping(value = "/catalog/import", consumes = {"application/yaml", "text/yaml", "application/x-yaml", MediaType.TEXT_PLAIN_VALUE})
  ResponseEntity<ImportReport> importYaml(@RequestBody String yaml, @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(defaultValue = "") String description, @RequestParam(required = false) @Nullable String heldAccess,
      Principal principal) {
    ImportCatalog.Report report = dryRun
        ? importer.dryRun(yaml, CurrentPerson.of(principal))
        : importer.execute(yaml, description, CurrentPerson.of(principal), choice(heldAccess));
    return ResponseEntity.status(report.ok() ? 200 : 400).body(ImportReport.from(report));
  }

  /**
   * A change deletes roles people hold without saying what happens to their access: 409, with the
   * field to send ({@code heldAccess}), its values and how many people hold the roles.
   */
  @ExceptionHandler(HeldAccess.Undecided.class)
  ProblemDetail undecided(HeldAccess.Undecided e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Conflict");
    problem.setProperty("field", "heldAccess");
    problem.setProperty("choices", List.of("remove", "keep"));
    problem.setProperty("holders", e.holders());
    return problem;
  }

  private static HeldAccess.@Nullable Choice choice(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return HeldAccess.Choice.parse(text)
        .orElseThrow(() -> new InvalidInputException("heldAccess", "must be \"remove\" or \"keep\""));
  }

  private static AppName name(String text) {
    return AppName.parse(text).orElseThrow(() -> new NotFoundException("there is no app named '" + text + "'"));
  }

  private static SaveApp.Command command(@Nullable AppName existing, JsonNode body, Principal principal) {
    List<FieldError> errors = new ArrayList<>();
    if (!body.isObject()) {
      throw new InvalidInputException("body", "must be an object with changeDescription, version and app");
    }
    body.propertyNames().stream().filter(k -> !WRITE_KEYS.contains(k))
        .forEach(k -> errors.add(new FieldError(k, "unknown field; allowed are " + WRITE_KEYS)));
    JsonNode app = body.get("app");
    if (app == null || !app.isObject()) {
      errors.add(new FieldError("app", "is required: the app's entry"));
    }
    JsonNode version = body.get("version");
    if (version != null && !version.isNull() && !version.canConvertToInt()) {
      errors.add(new FieldError("version", "must be a whole number"));
    }
    JsonNode description = body.get("changeDescription");
    if (description != null && !description.isNull() && !description.isString()) {
      errors.add(new FieldError("changeDescription", "must be text"));
    }
    JsonNode held = body.get("heldAccess");
    HeldAccess.Choice choice = null;
    if (held != null && !held.isNull()) {
      choice = held.isString() ? HeldAccess.Choice.parse(held.asString()).orElse(null) : null;
      if (choice == null) {
        errors.add(new FieldError("heldAccess", "must be \"remove\" or \"keep\""));
      }
    }
    if (!errors.isEmpty()) {
      // Report the entry's own problems too, so that one answer lists everything to fix.
      if (app != null && app.isObject()) {
        errors.addAll(CatalogCodec.read(app, "app").errors());
      }
      throw new InvalidInputException(errors);
    }
    return new SaveApp.Command(existing, app,
        version == null || version.isNull() ? null : version.asInt(),
        description == null || description.isNull() ? "" : description.asString(), CurrentPerson.of(principal),
        choice);
  }

  /** What a dry run found. */
  record DryRun(boolean ok, List<FieldError> errors) {
    static DryRun from(SaveApp.Analysis analysis) {
      return new DryRun(analysis.ok(), analysis.errors());
    }
  }

  /** What an import did or would do. */
  record ImportReport(boolean ok, List<FieldError> errors, Map<String, ImportCatalog.Change> changes) {
    static ImportReport from(ImportCatalog.Report report) {
      return new ImportReport(report.ok(), report.errors(), report.changes());
    }
  }
}
