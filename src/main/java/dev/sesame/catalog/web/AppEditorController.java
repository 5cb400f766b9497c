package dev.sesame.catalog.web;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.ArchiveApp;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.HeldAccess;
import dev.sesame.catalog.SaveApp;
import dev.sesame.common.ConflictException;
import dev.sesame.common.InvalidInputException;
import dev.sesame.platform.web.CurrentPerson;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog editor: create an app, change one, archive one. Every button posts the whole form;
 * the editing buttons ({@code action} other than save) re-render it without saving.
 */
@Controller
class AppEditorController {

  private static final String VIEW = "catalog/edit";

  private final Editor editor;
  private final SaveApp save;
  private final ArchiveApp archive;

  AppEditorController(Editor editor, SaveApp save, ArchiveApp archive) {
    this.editor = editor;
    this.save = save;
    this.archive = archive;
  }

  @GetMapping("/admin/catalog/new")
  String create(Model model) {
    model.addAttribute("editor", editor.create());
    return VIEW;
  }

  @PostMapping("/admin/catalog/new")
  String create(@RequestParam MultiValueMap<String, String> params, Principal principal, Model model,
      RedirectAttributes redirect) {
    AppForm form = AppForm.from(params);
    String action = params.getOrDefault("action", List.of(Editor.SAVE)).get(0);
    if (!Editor.SAVE.equals(action)) {
      model.addAttribute("editor", editor.apply("", form, action));
      return VIEW;
    }
    try {
      CatalogApp created = save.execute(new SaveApp.Command(null, form.toJson(), null, form.changeDescription(),
          CurrentPerson.of(principal)));
      redirect.addFlashAttribute("notice", "Created " + created.name().value() + ".");
      return "redirect:/admin/catalog";
    } catch (InvalidInputException e) {
      model.addAttribute("editor", editor.refused("", form, e.errors()));
      return VIEW;
    }
  }

  @GetMapping("/admin/catalog/{name}/edit")
  String edit(@PathVariable String name, Model model) {
    model.addAttribute("editor", editor.edit(editor.existing(name)));
    return VIEW;
  }

  @PostMapping("/admin/catalog/{name}/edit")
  String edit(@PathVariable String name, @RequestParam MultiValueMap<String, String> params, Principal principal,
      Model model, RedirectAttributes redirect) {
    AppName app = editor.existing(name);
    // NB. the name comes from the address, never from the form: an app is not renamed by editing a field.
    AppForm form = AppForm.from(params).withName(app.value());
    String action = params.getOrDefault("action", List.of(Editor.SAVE)).get(0);
    if (!Editor.SAVE.equals(action)) {
      model.addAttribute("editor", editor.apply(app.value(), form, action));
      return VIEW;
    }
    try {
      CatalogApp saved = save.execute(new SaveApp.Command(app, form.toJson(), form.versionNumber(),
          form.changeDescription(), CurrentPerson.of(principal), heldAccess(params)));
      redirect.addFlashAttribute("notice", "Saved " + saved.name().value() + " as version " + saved.revision().version() + ".");
      return "redirect:/admin/catalog";
    } catch (InvalidInputException e) {
      model.addAttribute("editor", editor.refused(app.value(), form, e.errors()));
      return VIEW;
    } catch (HeldAccess.Undecided e) {
      model.addAttribute("editor", editor.heldAccess(app.value(), form, e.summary()));
      return VIEW;
    } catch (ConflictException e) {
      model.addAttribute("editor", editor.stale(app.value(), form, e.getMessage()));
      return VIEW;
    }
  }

  /** The admin's answer to the held-access question: the button they pressed, if any. */
  private static HeldAccess.@org.jspecify.annotations.Nullable Choice heldAccess(MultiValueMap<String, String> params) {
    String answer = params.getFirst("heldAccess");
    return answer == null ? null : HeldAccess.Choice.parse(answer).orElse(null);
  }

  @PostMapping("/admin/catalog/{name}/archive")
  String archive(@PathVariable String name, @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String version, Principal principal, RedirectAttributes redirect) {
    AppName app = editor.existing(name);
    try {
      CatalogApp archived = archive.execute(app, AppForm.number(version),
          reason.length() > 500 ? reason.substring(0, 500) : reason, CurrentPerson.of(principal));
      redirect.addFlashAttribute("notice", "Archived " + archived.name().value()
          + ". The assistant no longer offers it; its history is kept.");
      return "redirect:/admin/catalog";
    } catch (ConflictException e) {
      redirect.addFlashAttribute("problem", "Not archived: " + e.getMessage() + ".");
      return "redirect:/admin/catalog/{name}/edit";
    }
  }
}
