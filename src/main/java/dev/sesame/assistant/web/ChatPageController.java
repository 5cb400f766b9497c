package dev.sesame.assistant.web;

import dev.sesame.assistant.Assistant;
import dev.sesame.assistant.ChatMessage;
import dev.sesame.common.InvalidInputException;
import dev.sesame.platform.web.CurrentPerson;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web chat. With htmx, sending a message returns only the new messages; without scripts the
 * form posts and the page reloads. New notices arrive by polling {@code /chat/updates}.
 */
@Controller
class ChatPageController {

  private final Assistant assistant;
  private final Markdown markdown;

  ChatPageController(Assistant assistant, Markdown markdown) {
    this.assistant = assistant;
    this.markdown = markdown;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/chat";
  }

  @GetMapping("/chat")
  String chat(Model model, Principal principal) {
    List<ChatMessage> messages = assistant.messages(CurrentPerson.of(principal), 0);
    model.addAttribute("messages", views(messages));
    model.addAttribute("after", last(messages, 0));
    return "assistant/chat";
  }

  @PostMapping("/chat")
  String send(@RequestParam(defaultValue = "") String message, @RequestParam(defaultValue = "0") long after,
      @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Principal principal,
      RedirectAttributes redirect) {
    String problem = null;
    try {
      assistant.handle(CurrentPerson.of(principal), message);
    } catch (InvalidInputException e) {
      problem = e.errors().get(0).reason();
    }
    if (htmx == null) {
      if (problem != null) {
        redirect.addFlashAttribute("problem", "Your message " + problem);
      }
      return "redirect:/chat";
    }
    model.addAttribute("problem", problem == null ? "" : "Your message " + problem);
    return updates(after, model, principal);
  }

  @GetMapping("/chat/updates")
  String updates(@RequestParam(defaultValue = "0") long after, Model model, Principal principal) {
    List<ChatMessage> messages = assistant.messages(CurrentPerson.of(principal), after);
    model.addAttribute("messages", views(messages));
    model.addAttribute("after", last(messages, after));
    return "assistant/updates :: updates";
  }

  private List<MessageView> views(List<ChatMessage> messages) {
    return messages.stream().map(m -> MessageView.from(m, markdown)).toList();
  }

  private static long last(List<ChatMessage> messages, long otherwise) {
    return messages.isEmpty() ? otherwise : messages.get(messages.size() - 1).id();
  }
}
