package dev.sesame.catalog.web;

import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.SaveApp;
import dev.sesame.common.ConflictException;
import dev.sesame.common.InvalidInputException;
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

/** The Software Catalog list: every current app, searchable, with the enabled-in-bot switch per row. */
@Controller
class CatalogListController {

  private final Catalog catalog;
  private final SaveApp save;
  private final Editor editor;
  private final EditorChecks checks;

  CatalogListController(Catalog catalog, SaveApp save, Editor editor, EditorChecks checks) {
    this.catalog = catalog;
    this.save = save;
    this.editor = editor;
    this.checks = checks;
  }

  @GetMapping("/admin/catalog")
  String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String strategy,
      @RequestParam(defaultValue = "") String system, @RequestParam(defaultValue = "") String enabled, Model model) {
    ListFilter filter = new ListFilter(q, strategy, system, enabled);
    List<AppSummary> all = catalog.current().stream().map(AppSummary::from).toList();
    model.addAttribute("filter", filter);
    model.addAttribute("apps", filter.apply(all));
    model.addAttribute("total", all.size());
    model.addAttribute("systems", checks.systemIds());
    return "catalog/list";
  }

  @PostMapping("/admin/catalog/{name}/enabled")
  String enabled(@PathVariable String name, @RequestParam(defaultValue = "false") String enabled,
      @RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String back,
      Principal principal, RedirectAttributes redirect) {
    CatalogApp app = catalog.get(editor.existing(name));
    boolean on = "true".equals(enabled);
    AppForm form = AppForm.from(app.entry(), app.revision().version(), "").withEnabledInBot(on);
    try {
      save.execute(new SaveApp.Command(app.name(), form.toJson(), AppForm.number(version),
          on ? "Enabled in the bot" : "Disabled in the bot", CurrentPerson.of(principal)));
      redirect.addFlashAttribute("notice", app.name().value() + (on ? " is now offered" : " is no longer offered")
          + " by the assistant.");
    } catch (InvalidInputException | ConflictException e) {
      redirect.addFlashAttribute("problem", "Not changed: " + e.getMessage() + ".");
    }
    // NB. only the list's own query string is kept, so the redirect can never lead off the console.
    return "redirect:/admin/catalog" + (back.matches("[?][\\w=&%+.\\-]*") ? back : "");
  }
}
