package io.tributary.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces(Problem.MEDIA_TYPE)
@Singleton
public class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<Problem>> {
  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ApiProblem e) {
    return respond(e.status(), e.toProblem(request.getPath()));
  }

  static HttpResponse<Problem> respond(int status, Problem problem) {
    return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).body(problem).contentType(Problem.MEDIA_TYPE);
  }
}
