package dev.sesame.audit.web;

import dev.sesame.audit.AuditEvent;
import dev.sesame.audit.AuditLog;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit?subject=&actor=&event=&limit=}: the audit log, newest first (catalog admins only). */
@RestController
class AuditApiController {

  private final AuditLog log;

  AuditApiController(AuditLog log) {
    this.log = log;
  }

  @GetMapping("/api/audit")
  List<AuditEvent> search(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String event, @RequestParam(defaultValue = "200") int limit) {
    return log.search(subject, actor, event, limit);
  }
}
