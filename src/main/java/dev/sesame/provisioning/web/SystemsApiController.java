package dev.sesame.provisioning.web;

import dev.sesame.provisioning.ProvisioningSystems;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/systems}: every provisioning system without its secrets (catalog admins only). */
@RestController
class SystemsApiController {

  private final ProvisioningSystems systems;

  SystemsApiController(ProvisioningSystems systems) {
    this.systems = systems;
  }

  @GetMapping("/api/systems")
  List<SystemRowView> list() {
    return systems.all().stream().map(s -> SystemRowView.from(s, systems)).toList();
  }
}
