package dev.sesame.request.web;

import dev.sesame.common.NotFoundException;
import dev.sesame.platform.web.CurrentPerson;
import dev.sesame.request.RequestId;
import dev.sesame.request.RequestOverview;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The console's requests: every request, filtered, and one request with its timeline (catalog admins). */
@Controller
class RequestsPageController {

  private final RequestOverview overview;
  private final dev.sesame.request.Requests requests;

  RequestsPageController(RequestOverview overview, dev.sesame.request.Requests requests) {
    this.overview = overview;
    this.requests = requests;
  }

  @GetMapping("/admin/requests")
  String list(@ModelAttribute("filter") RequestFilterForm filter, Model model, Principal principal) {
    RequestFilterForm.Parsed parsed = filter.parse();
    model.addAttribute("errors", parsed.errors());
    model.addAttribute("states", StateView.all());
    model.addAttribute("page", parsed.search()
        .map(search -> RequestRowView.Page.from(overview.list(CurrentPerson.of(principal), search), parsed.limit()))
        .orElse(RequestRowView.Page.EMPTY));
    return "request/requests";
  }

  @GetMapping("/admin/requests/{id}")
  String request(@PathVariable String id, Model model, Principal principal) {
    RequestId request = RequestId.parse(id).orElseThrow(() -> new NotFoundException("there is no request " + id));
    model.addAttribute("request", RequestDetailView.from(overview.detail(CurrentPerson.of(principal), request)));
    model.addAttribute("grant", requests.grantOf(request).map(GrantPanelView::from).orElse(null));
    return "request/request";
  }
}
