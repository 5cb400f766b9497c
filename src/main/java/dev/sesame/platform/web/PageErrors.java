package dev.sesame.platform.web;

import dev.sesame.common.ForbiddenException;
import dev.sesame.common.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns the exception family into error pages for every page controller: something that does not
 * exist (or may not be seen) is the 404 page, a refused action the 403 page; never a 500. REST
 * controllers are {@code @Controller}s too: {@link ApiErrors} comes first and answers them.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound() {
    return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
  }

  @ExceptionHandler(ForbiddenException.class)
  ModelAndView forbidden() {
    return new ModelAndView("error/403", HttpStatus.FORBIDDEN);
  }
}
