package dev.sesame.catalog.web;

import dev.sesame.approval.ApprovalPolicies;
import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.PolicyName;
import dev.sesame.approval.SavePolicy;
import dev.sesame.catalog.PolicyCodec;
import dev.sesame.common.ConflictException;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.platform.web.CurrentPerson;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy editor: create a policy, change one, show a ready-made one (read-only, with "Copy to
 * a new policy"), and preview any of them for one person. Every button posts the whole form; the
 * editing buttons ({@code action} other than save) re-render it without saving.
 */
@Controller
class PolicyEditorController {

  private static final String VIEW = "catalog/policy-edit";

  private final PolicyEditor editor;
  private final ApprovalPolicies policies;
  private final SavePolicy save;

  PolicyEditorController(PolicyEditor editor, ApprovalPolicies policies, SavePolicy save) {
    this.editor = editor;
    this.policies = policies;
    this.save = save;
  }

  @GetMapping("/admin/policies/new")
  String create(@RequestParam(defaultValue = "") String copy, Model model) {
    model.addAttribute("editor", copy.isBlank() ? editor.create() : editor.copy(editor.existing(copy)));
    return VIEW;
  }

  @PostMapping("/admin/policies/new")
  String create(@RequestParam MultiValueMap<String, String> params, Principal principal, Model model,
      RedirectAttributes redirect) {
    return post("", PolicyForm.from(params), action(params), principal, model, redirect);
  }

  @GetMapping("/admin/policies/{name}")
  String show(@PathVariable String name, Model model) {
    model.addAttribute("editor", editor.show(editor.existing(name)));
    return VIEW;
  }

  @PostMapping("/admin/policies/{name}")
  String change(@PathVariable String name, @RequestParam MultiValueMap<String, String> params, Principal principal,
      Model model, RedirectAttributes redirect) {
    ApprovalPolicy policy = editor.existing(name);
    PolicyForm typed = PolicyForm.from(params);
    if (policy.builtIn()) {
      // NB. a ready-made policy is never read from the form: its inputs are disabled, and only the preview runs.
      PolicyForm form = PolicyForm.of(policy, "").withPreview(typed.previewPerson(), typed.previewApp(),
          typed.previewRole());
      model.addAttribute("editor", editor.apply(policy.name().value(), form, "preview"));
      return VIEW;
    }
    // NB. the name comes from the address, never from the form: a policy is not renamed by editing a field.
    return post(policy.name().value(), typed.withName(policy.name().value()), action(params), principal, model,
        redirect);
  }

  private String post(String policyName, PolicyForm form, String action, Principal principal, Model model,
      RedirectAttributes redirect) {
    if (!PolicyEditor.SAVE.equals(action)) {
      model.addAttribute("editor", editor.apply(policyName, form, action));
      return VIEW;
    }
    boolean creating = policyName.isEmpty();
    List<FieldError> errors = new ArrayList<>(form.problems(true));
    PolicyCodec.Read read = PolicyCodec.read(form.toJson(), "policy");
    errors.addAll(read.errors());
    if (!creating && form.versionNumber() == null) {
      errors.add(new FieldError("version", "is required: the version you read"));
    }
    Optional<SavePolicy.Command> command = read.policy().map(p -> new SavePolicy.Command(p,
        creating ? null : form.versionNumber(), form.changeDescription(), CurrentPerson.of(principal), "policy"));
    if (creating) {
      read.policy().filter(p -> !p.builtIn() && policies.stored(p.name()).isPresent()).ifPresent(p -> errors.add(
          new FieldError("policy.name", "there is already a policy named " + policies.stored(p.name()).get().policy()
              .name().value() + "; open it from the list to change it")));
    }
    command.ifPresent(c -> errors.addAll(save.dryRun(c)));
    if (!errors.isEmpty()) {
      model.addAttribute("editor", editor.refused(policyName, form, errors));
      return VIEW;
    }
    try {
      int version = save.execute(command.orElseThrow());
      PolicyName saved = command.get().policy().name();
      redirect.addFlashAttribute("notice", creating ? "Created " + saved.value() + "."
          : version == form.versionNumber() ? "Nothing changed: " + saved.value() + " stays at version " + version + "."
          : "Saved " + saved.value() + " as version " + version + ".");
      redirect.addAttribute("name", saved.value());
      return "redirect:/admin/policies/{name}";
    } catch (InvalidInputException e) {
      model.addAttribute("editor", editor.refused(policyName, form, e.errors()));
      return VIEW;
    } catch (ConflictException e) {
      model.addAttribute("editor", editor.stale(policyName, form, e.getMessage()));
      return VIEW;
    }
  }

  private static String action(MultiValueMap<String, String> params) {
    String action = params.getFirst("action");
    return action == null ? PolicyEditor.SAVE : action;
  }
}
