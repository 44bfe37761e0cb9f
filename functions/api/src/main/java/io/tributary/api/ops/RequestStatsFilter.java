package io.tributary.api.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.tributary.api.config.AwsEnv;
import io.tributary.core.metrics.EmfLine;
import io.tributary.core.metrics.MetricNames;

/**
 * Times every request for {@code /metrics}; in Lambda also prints one CloudWatch EMF line per
 * request (namespace Tributary, dimension Service=api) so the dashboard needs no API calls.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestStatsFilter implements io.micronaut.core.order.Ordered {
  /** EMF metric names of the API (namespace Tributary, dimension Service=api). */
  public static final String LATENCY = "ApiLatencyMs";
  public static final String ERRORS_5XX = "ApiErrors5xx";
  private static final String START = "tributary.start";
  private final RequestStats stats;
  private final boolean emf;

  public RequestStatsFilter(RequestStats stats, AwsEnv env) {
    this.stats = stats;
    this.emf = env.vars().containsKey("AWS_LAMBDA_FUNCTION_NAME");
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @RequestFilter
  public void start(HttpRequest<?> request) {
    request.setAttribute(START, System.nanoTime());
  }

  @ResponseFilter
  public void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
    Long start = request.getAttribute(START, Long.class).orElse(null);
    if (start == null) {
      return;
    }
    long nanos = System.nanoTime() - start;
    stats.record(response.code(), nanos);
    if (emf) {
      System.out.println(new EmfLine().dimension(MetricNames.SERVICE, MetricNames.API)
          .metric(LATENCY, nanos / 1e6, "Milliseconds")
          .metric(ERRORS_5XX, response.code() >= 500 ? 1 : 0, "Count")
          .toJson(System.currentTimeMillis()));
    }
  }
}
