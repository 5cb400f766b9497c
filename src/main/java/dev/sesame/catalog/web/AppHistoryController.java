package dev.sesame.catalog.web;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.SaveApp;
import dev.sesame.common.ConflictException;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.platform.web.CurrentPerson;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An app's versions, each with what changed, and restoring an older one as a new version. */
@Controller
class AppHistoryController {

  private final Catalog catalog;
  private final SaveApp save;
  private final Editor editor;

  AppHistoryController(Catalog catalog, SaveApp save, Editor editor) {
    this.catalog = catalog;
    this.save = save;
    this.editor = editor;
  }

  @GetMapping("/admin/catalog/{name}/history")
  String history(@PathVariable String name, Model model) {
    AppName app = editor.existing(name);
    model.addAttribute("app", app.value());
    model.addAttribute("versions", VersionView.all(catalog.history(app)));
    return "catalog/history";
  }

  @PostMapping("/admin/catalog/{name}/history/{version}/restore")
  String restore(@PathVariable String name, @PathVariable String version,
      @RequestParam(defaultValue = "") String changeDescription, @RequestParam(defaultValue = "") String current,
      Principal principal, RedirectAttributes redirect) {
    AppName app = editor.existing(name);
    CatalogApp old = catalog.history(app).stream()
        .filter(a -> Integer.toString(a.revision().version()).equals(version)).findFirst()
        .orElseThrow(() -> new NotFoundException(app.value() + " has no version " + version));
    AppForm form = AppForm.from(old.entry(), old.revision().version(), "");
    try {
      CatalogApp saved = save.execute(new SaveApp.Command(app, form.toJson(), AppForm.number(current),
          changeDescription, CurrentPerson.of(principal)));
      redirect.addFlashAttribute("notice", "Restored version " + version + " of " + app.value() + " as version "
          + saved.revision().version() + ".");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("problem", "Version " + version + " was not restored: " + String.join("; ",
          e.errors().stream().map(err -> (err.field().equals("changeDescription") ? "the change description"
              : err.field().replaceFirst("^app\\.", "")) + " " + err.reason()).toList()) + ".");
    } catch (ConflictException e) {
      redirect.addFlashAttribute("problem", "Version " + version + " was not restored: " + e.getMessage() + ".");
    }
    return "redirect:/admin/catalog/{name}/history";
  }
}
