package dev.sesame.catalog.web;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogCodec;
import dev.sesame.common.FieldError;
import dev.sesame.common.NotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the editor page for each state: fresh, after an editing action (add or move a row, check
 * a group, test the rule...), after refused input, after a stale save. Editing actions change only
 * the form; nothing is saved until the admin presses Save.
 */
@Component
class Editor {

  /** The action of the editor's main button. */
  static final String SAVE = "save";

  private final Catalog catalog;
  private final EditorChecks checks;

  Editor(Catalog catalog, EditorChecks checks) {
    this.catalog = catalog;
    this.checks = checks;
  }

  /** An empty editor for a new app. */
  EditorView create() {
    return new Parts("", AppForm.blank(checks.defaultSystem())).view();
  }

  /** The editor of an app, as it is now. */
  EditorView edit(AppName name) {
    CatalogApp app = catalog.get(name);
    Parts parts = new Parts(app.name().value(), AppForm.from(app.entry(), app.revision().version(), checks.defaultSystem()));
    parts.archived = app.archived();
    return parts.view();
  }

  /** The name of the app as stored, or not found. */
  AppName existing(String name) {
    return catalog.get(AppName.parse(name).orElseThrow(() -> new NotFoundException("there is no app named '" + name + "'")))
        .name();
  }

  /** The editor after one editing action; an unknown action re-renders the form as typed. */
  EditorView apply(String appName, AppForm form, String action) {
    String[] verb = action.split(":", 2);
    int row = verb.length > 1 && verb[1].matches("\\d{1,3}") ? Integer.parseInt(verb[1]) : -1;
    Parts parts = new Parts(appName, form);
    List<AppForm.LinkRow> links = new ArrayList<>(form.links());
    List<AppForm.RoleRow> roles = new ArrayList<>(form.roles());
    switch (verb[0]) {
      case "add-link" -> add(links, AppForm.LinkRow.EMPTY, parts);
      case "remove-link" -> remove(links, row);
      case "up-link" -> swap(links, row, row - 1);
      case "down-link" -> swap(links, row, row + 1);
      case "add-role" -> add(roles, AppForm.RoleRow.EMPTY, parts);
      case "remove-role" -> {
        if (roles.size() <= 2) {
          parts.rolesProblem = "Not removed: a role-based app needs at least two roles. Add another role first, "
              + "or choose the GROUP strategy for an app with one group.";
        } else {
          remove(roles, row);
        }
      }
      case "check-group" -> parts.groupCheck = checks.group(form.system(), form.externalId());
      case "check-role" -> {
        if (row >= 0 && row < roles.size()) {
          parts.roleChecks.put(row, checks.group(form.system(), roles.get(row).externalId()));
        }
      }
      case "test-rule" -> parts.ruleTest = checks.rule(form.accessRule(), form.testLogin());
      case "approvers" -> parts.approvers = checks.approvers(form.approvalFlow(), form.appAdmins(), form.approverLogin(), form.name());
      case "rebase" -> {
        if (row >= 0) {
          parts.form = form.withVersion(Integer.toString(row));
          parts.notice = "You are now editing over version " + row + ". Review the form and save again.";
        }
      }
      default -> { }
    }
    if (!verb[0].equals("rebase")) {
      parts.form = form.withLinks(links).withRoles(roles);
    }
    return parts.view();
  }

  /** The editor with the errors of a refused save next to their inputs. */
  EditorView refused(String appName, AppForm form, List<FieldError> errors) {
    Parts parts = new Parts(appName, form);
    parts.errors = FormErrors.of(errors, form);
    return parts.view();
  }

  /**
   * The editor after a save that deletes roles people hold: the form as typed, and the question
   * whether to remove their access or keep it unmanaged.
   */
  EditorView heldAccess(String appName, AppForm form, String question) {
    Parts parts = new Parts(appName, form);
    parts.heldAccess = question;
    return parts.view();
  }

  /** The editor after a stale save: the form as typed, and what the other save changed. */
  EditorView stale(String appName, AppForm form, String message) {
    Parts parts = new Parts(appName, form);
    Optional<CatalogApp> current = AppName.parse(appName).flatMap(catalog::find);
    Integer read = form.versionNumber();
    if (current.isEmpty() || read == null || current.get().archived()) {
      parts.errors = FormErrors.general("Not saved: " + message + ".");
      return parts.view();
    }
    CatalogApp now = current.get();
    Map<String, Object> before = catalog.history(now.name()).stream().filter(a -> a.revision().version() == read)
        .findFirst().map(a -> CatalogCodec.write(a.entry())).orElse(null);
    parts.conflict = new EditorView.Conflict(read, now.revision().version(), now.revision().changedBy().value(),
        now.revision().changedAt(), now.revision().description(),
        before == null ? List.of() : EntryDiff.between(before, CatalogCodec.write(now.entry())));
    return parts.view();
  }

  private static <T> void add(List<T> rows, T empty, Parts parts) {
    if (rows.size() < AppForm.MAX_ROWS) {
      rows.add(empty);
    } else {
      parts.notice = "The form holds at most " + AppForm.MAX_ROWS + " rows.";
    }
  }

  private static <T> void remove(List<T> rows, int row) {
    if (row >= 0 && row < rows.size()) {
      rows.remove(row);
    }
  }

  private static <T> void swap(List<T> rows, int from, int to) {
    if (from >= 0 && to >= 0 && from < rows.size() && to < rows.size()) {
      Collections.swap(rows, from, to);
    }
  }

  /** The parts of a page being built. */
  private final class Parts {
    final String appName;
    AppForm form;
    FormErrors errors = FormErrors.NONE;
    String notice = "";
    EditorChecks.@Nullable Outcome groupCheck;
    final Map<Integer, EditorChecks.Outcome> roleChecks = new LinkedHashMap<>();
    String rolesProblem = "";
    EditorChecks.@Nullable RuleTest ruleTest;
    EditorChecks.@Nullable Approvers approvers;
    EditorView.@Nullable Conflict conflict;
    boolean archived;
    String heldAccess = "";

    Parts(String appName, AppForm form) {
      this.appName = appName;
      this.form = form.roles().size() >= 2 ? form
          : form.withRoles(padded(form.roles()));
    }

    EditorView view() {
      return new EditorView(appName, form, errors, checks.systemIds(), checks.policyNames(), notice, groupCheck, roleChecks, rolesProblem,
          ruleTest, approvers, conflict, archived, heldAccess);
    }

    private List<AppForm.RoleRow> padded(List<AppForm.RoleRow> roles) {
      List<AppForm.RoleRow> out = new ArrayList<>(roles);
      while (out.size() < 2) {
        out.add(AppForm.RoleRow.EMPTY);
      }
      return out;
    }
  }
}
