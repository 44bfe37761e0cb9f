package io.tributary.api.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The Lambda entry point behind API Gateway HTTP API (payload format 2.0): Micronaut's proxy turns
 * each event into a request to the same controllers the local server runs. Handler string:
 * {@code io.tributary.api.lambda.ApiHandler::handleRequest}.
 */
public class ApiHandler extends APIGatewayV2HTTPEventFunction {
  public ApiHandler() {
    super();
  }

  /** For tests: a context started with the emulators' environment. */
  public ApiHandler(ApplicationContext context) {
    super(context);
  }
}
