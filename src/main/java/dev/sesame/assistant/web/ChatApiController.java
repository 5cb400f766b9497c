package dev.sesame.assistant.web;

import dev.sesame.assistant.Assistant;
import dev.sesame.assistant.ChatMessage;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.platform.web.CurrentPerson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chat with the assistant as the signed-in person: {@code POST /api/chat {"message": "can I get figma?"}}. */
@RestController
@RequestMapping("/api/chat")
class ChatApiController {

  private final Assistant assistant;

  ChatApiController(Assistant assistant) {
    this.assistant = assistant;
  }

  /** What the person writes. */
  record ChatForm(@Nullable @NotNull(message = "is required") String message) {}

  /** The assistant's answer. */
  record ChatReply(ChatMessage reply) {}

  @PostMapping
  ChatReply chat(@Valid @RequestBody ChatForm form, BindingResult binding, Principal principal) {
    if (binding.hasErrors()) {
      throw new InvalidInputException(binding.getFieldErrors().stream()
          .map(e -> new FieldError(e.getField(), String.valueOf(e.getDefaultMessage()))).toList());
    }
    return new ChatReply(assistant.handle(CurrentPerson.of(principal), String.valueOf(form.message())));
  }

  /** The conversation after message {@code after}, including notices about requests. */
  @GetMapping("/messages")
  List<ChatMessage> messages(@RequestParam(defaultValue = "0") long after, Principal principal) {
    return assistant.messages(CurrentPerson.of(principal), after);
  }
}
