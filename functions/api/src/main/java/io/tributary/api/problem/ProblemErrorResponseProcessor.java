package io.tributary.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Micronaut's own error paths (malformed JSON, unknown properties, failed bean validation,
 * unconvertible path or query values, unknown route, wrong method, body too large) all end here;
 * they become problem+json naming the field and rule, like {@link ApiProblem}.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
  /** Serde's message for a property the target record does not declare. */
  private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]{1,100})\\]");

  @Override
  public MutableHttpResponse<Problem> processResponse(ErrorContext ctx, MutableHttpResponse<?> response) {
    int status = response.code();
    String field = null;
    String detail = null;
    for (Error e : ctx.getErrors()) {
      detail = detail == null ? e.getMessage() : detail + "; " + e.getMessage();
      if (field == null && e.getPath().isPresent()) {
        field = fieldName(e.getPath().get());
      }
    }
    if (detail == null) {
      detail = ctx.getRootCause().map(Throwable::getMessage).orElse(response.reason());
    }
    if (detail != null) {
      Matcher m = UNKNOWN_PROPERTY.matcher(detail);
      if (m.find()) {
        field = m.group(1);
      }
    }
    String rule = switch (status) {
      case 400 -> "well-formed JSON with known properties only";
      case 404 -> "existing route";
      case 405 -> "allowed method";
      case 413 -> "body size limit";
      case 415 -> "application/json body";
      case 422 -> detail;
      default -> null;
    };
    Problem p = new Problem("about:blank", response.reason(), status, detail, ctx.getRequest().getPath(), field, rule);
    return response.body(p).contentType(Problem.MEDIA_TYPE);
  }

  /** "create.body.segmentDurationMs" -> "segmentDurationMs": the client knows no method names. */
  static String fieldName(String path) {
    String p = path;
    int body = p.indexOf(".body.");
    if (body >= 0) {
      return p.substring(body + 6);
    }
    int dot = p.indexOf('.');
    return dot >= 0 ? p.substring(dot + 1) : p;
  }
}
