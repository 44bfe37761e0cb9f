package io.tributary.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;

/**
 * Bean-validation failures (well-formed but out-of-range input) are 422, naming the first field
 * (by name, for a stable answer) and the constraint as {@code rule}, e.g. {@code Max(6000)}.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintProblemHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException e) {
    ConstraintViolation<?> v = e.getConstraintViolations().stream()
        .min(Comparator.comparing(x -> x.getPropertyPath().toString())).orElse(null);
    if (v == null) {
      return ApiProblemHandler.respond(422, new Problem("about:blank", "Unprocessable Content", 422, e.getMessage(),
          request.getPath(), null, null));
    }
    String field = leaf(v.getPropertyPath());
    var attrs = v.getConstraintDescriptor().getAttributes();
    String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
        + (attrs.containsKey("value") ? "(" + attrs.get("value") + ")" : "")
        + (attrs.containsKey("max") && attrs.containsKey("min") ? "(" + attrs.get("min") + ".." + attrs.get("max") + ")" : "");
    String detail = field + " " + v.getMessage() + ", got " + cut(String.valueOf(v.getInvalidValue()));
    return ApiProblemHandler.respond(422, new Problem("about:blank", "Unprocessable Content", 422, detail,
        request.getPath(), field, rule));
  }

  /** create.body.segmentDurationMs -> segmentDurationMs; list.limit -> limit. */
  private static String leaf(Path path) {
    String last = null;
    for (Path.Node n : path) {
      last = n.getName();
    }
    return last;
  }

  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
