package io.tributary.api.problem;

/**
 * The one exception of the HTTP boundary: a status and the field and rule that the request broke,
 * rendered as RFC 9457 {@code application/problem+json} by {@link ApiProblemHandler}.
 */
public final class ApiProblem extends RuntimeException {
  private final int status;
  private final String title;
  private final String field;
  private final String rule;

  public ApiProblem(int status, String title, String field, String rule, String detail) {
    super(detail);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem has a 4xx or 5xx status, got " + status);
    }
    this.status = status;
    this.title = title;
    this.field = field;
    this.rule = rule;
  }

  public static ApiProblem notFound(String what, String id) {
    return new ApiProblem(404, "Not Found", null, null, what + " " + id + " does not exist");
  }

  public static ApiProblem invalid(String field, String rule, String detail) {
    return new ApiProblem(422, "Unprocessable Content", field, rule, detail);
  }

  public static ApiProblem badRequest(String field, String rule, String detail) {
    return new ApiProblem(400, "Bad Request", field, rule, detail);
  }

  public static ApiProblem conflict(String rule, String detail) {
    return new ApiProblem(409, "Conflict", null, rule, detail);
  }

  public int status() {
    return status;
  }

  public Problem toProblem(String instance) {
    return new Problem("about:blank", title, status, getMessage(), instance, field, rule);
  }
}
