package dev.sesame.platform.web;

import dev.sesame.common.ConflictException;
import dev.sesame.common.FieldError;
import dev.sesame.common.ForbiddenException;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.common.UnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns the exception family into RFC 9457 problem details for every REST controller: bad input
 * is 400 with a list of {@code {field, reason}}, not found 404, forbidden 403, conflict 409, an
 * unreachable system 503. Never a 500 for something the caller did. Ordered before
 * {@link PageErrors}, which would otherwise answer REST controllers with a page too.
 */
@Order(0)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return withErrors(e.errors());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      String field = databind.getPath().stream()
          .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
          .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
      return withErrors(List.of(new FieldError(field, "has the wrong type; see the API documentation")));
    }
    if (cause instanceof DatabindException) {
      return withErrors(List.of(new FieldError("body", "must be a JSON object")));
    }
    if (cause instanceof JacksonException jackson) {
      var at = jackson.getLocation();
      return withErrors(List.of(new FieldError("body", "is not valid JSON"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
          + ": " + jackson.getOriginalMessage())));
    }
    return withErrors(List.of(new FieldError("body", "is required")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return withErrors(List.of(new FieldError(e.getName(), "has an invalid value '" + e.getValue() + "'")));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missing(MissingServletRequestParameterException e) {
    return withErrors(List.of(new FieldError(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    problem.setTitle("Unsupported content type");
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(UnavailableException.class)
  ProblemDetail unavailable(UnavailableException e) {
    log.warn("Upstream unavailable: {}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable", e.getMessage());
  }

  private static ProblemDetail withErrors(List<FieldError> errors) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input",
        errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
            : errors.size() + " fields are invalid");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
