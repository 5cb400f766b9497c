package dev.sesame.audit.web;

import dev.sesame.audit.AuditLog;
import dev.sesame.audit.AuditTrail;
import dev.sesame.platform.web.CurrentPerson;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The console's audit page: the audit log searched by subject, actor, event and words, newest first. */
@Controller
class AuditPageController {

  private final AuditLog log;

  AuditPageController(AuditLog log) {
    this.log = log;
  }

  @GetMapping("/admin/audit")
  String audit(@ModelAttribute("filter") AuditFilterForm filter, Model model, Principal principal) {
    model.addAttribute("page", AuditEventView.Page.from(log.search(CurrentPerson.of(principal), filter.query()), filter.size()));
    model.addAttribute("eventIds", AuditTrail.EVENTS);
    return "audit/audit";
  }
}
