package dev.sesame.provisioning.web;

import dev.sesame.common.FieldError;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.ConnectorFactory;
import dev.sesame.provisioning.ProvisioningSystem;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.ProvisioningSystems;
import dev.sesame.provisioning.SaveProvisioningSystem;
import dev.sesame.provisioning.TestConnection;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provisioning systems console: the list, and the editor to create, change and test a system.
 * The editor's buttons post the whole form: {@code action=save} saves it, {@code test} tries the
 * connection without saving, {@code kind} shows the settings of another kind.
 */
@Controller
class SystemsPageController {

  private static final String EDITOR = "provisioning/edit";

  private final ProvisioningSystems systems;
  private final SaveProvisioningSystem save;
  private final TestConnection test;

  SystemsPageController(ProvisioningSystems systems, SaveProvisioningSystem save, TestConnection test) {
    this.systems = systems;
    this.save = save;
    this.test = test;
  }

  @GetMapping("/admin/systems")
  String list(Model model) {
    model.addAttribute("systems", systems.all().stream().map(s -> SystemRowView.from(s, systems)).toList());
    return "provisioning/list";
  }

  @GetMapping("/admin/systems/new")
  String create(Model model) {
    ConnectorFactory first = systems.factories().get(0);
    return editor(model, "", SystemForm.empty(first), Optional.empty(), List.of(), null);
  }

  @PostMapping("/admin/systems/new")
  String create(@RequestParam Map<String, String> params, Principal principal, Model model, RedirectAttributes redirect) {
    return post(null, SystemForm.from(params), params.getOrDefault("action", "save"), principal, model, redirect);
  }

  @GetMapping("/admin/systems/{name}/edit")
  String edit(@PathVariable String name, Model model) {
    ProvisioningSystem system = existing(name);
    return editor(model, system.id().value(), SystemForm.of(system), Optional.of(system), List.of(), null);
  }

  @PostMapping("/admin/systems/{name}/edit")
  String edit(@PathVariable String name, @RequestParam Map<String, String> params, Principal principal, Model model,
      RedirectAttributes redirect) {
    ProvisioningSystem system = existing(name);
    // NB. the name comes from the address, never from the form: a system is not renamed by editing a field.
    SystemForm form = SystemForm.from(params).named(system.id().value());
    return post(system.id(), form, params.getOrDefault("action", "save"), principal, model, redirect);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private String post(@Nullable ProvisioningSystemId id, SystemForm form, String action, Principal principal,
      Model model, RedirectAttributes redirect) {
    String name = id == null ? "" : id.value();
    Optional<ProvisioningSystem> stored = Optional.ofNullable(id).flatMap(systems::find);
    if ("test".equals(action)) {
      TestConnection.Result result = test.execute(new TestConnection.Command(id, form.input(), new PersonId(principal.getName())));
      return editor(model, name, form, stored, result.errors(), result);
    }
    if (!"save".equals(action)) {
      return editor(model, name, form, stored, List.of(), null);
    }
    SaveProvisioningSystem.Command command = new SaveProvisioningSystem.Command(id, form.input(),
        form.versionNumber(), new PersonId(principal.getName()));
    SaveProvisioningSystem.Analysis analysis = save.dryRun(command);
    if (!analysis.ok()) {
      return editor(model, name, form, stored, analysis.errors(), null);
    }
    ProvisioningSystem saved = save.execute(command);
    redirect.addFlashAttribute("notice", (id == null ? "Created " : "Saved ") + saved.id().value() + " (version "
        + saved.version() + ").");
    return "redirect:/admin/systems";
  }

  private String editor(Model model, String name, SystemForm form, Optional<ProvisioningSystem> stored,
      List<FieldError> errors, TestConnection.@Nullable Result result) {
    model.addAttribute("editor", SystemEditorView.of(name, form, systems.factories(), stored, errors, result));
    return EDITOR;
  }

  private ProvisioningSystem existing(String name) {
    return ProvisioningSystemId.parse(name).flatMap(systems::find)
        .orElseThrow(() -> new NotFoundException("there is no provisioning system named '" + name + "'"));
  }
}
