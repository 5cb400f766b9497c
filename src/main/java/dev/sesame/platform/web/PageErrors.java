package dev.sesame.platform.web;

import dev.sesame.common.ConflictException;
import dev.sesame.common.ForbiddenException;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.common.UnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The HTML twin of {@link ApiErrors}: the exception family becomes one friendly error page with
 * the right status, for every page controller. Never a server error page for something the
 * visitor did. REST controllers are {@code @Controller}s too: {@link ApiErrors} comes first and
 * answers them.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ModelAndView forbidden(ForbiddenException e) {
    return page(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ModelAndView conflict(ConflictException e) {
    return page(HttpStatus.CONFLICT, "Already changed", e.getMessage());
  }

  @ExceptionHandler(InvalidInputException.class)
  ModelAndView invalid(InvalidInputException e) {
    return page(HttpStatus.BAD_REQUEST, "Not accepted", e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ModelAndView missing(MissingServletRequestParameterException e) {
    return page(HttpStatus.BAD_REQUEST, "Not accepted", e.getParameterName() + ": is required");
  }

  @ExceptionHandler(UnavailableException.class)
  ModelAndView unavailable(UnavailableException e) {
    return page(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable", e.getMessage());
  }

  private static ModelAndView page(HttpStatus status, String title, String detail) {
    ModelAndView page = new ModelAndView("error/problem");
    page.setStatus(status);
    page.addObject("title", title);
    page.addObject("detail", detail);
    page.addObject("status", status.value());
    return page;
  }
}
