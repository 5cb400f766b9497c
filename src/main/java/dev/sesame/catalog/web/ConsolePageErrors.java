package dev.sesame.catalog.web;

import dev.sesame.common.ForbiddenException;
import dev.sesame.common.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The console's answer to an app that does not exist or an action that is not allowed: a page, never a stack trace. */
@ControllerAdvice(assignableTypes = {CatalogListController.class, AppEditorController.class, AppHistoryController.class})
class ConsolePageErrors {

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "catalog/missing";
  }

  @ExceptionHandler(ForbiddenException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String forbidden() {
    return "error/403";
  }
}
