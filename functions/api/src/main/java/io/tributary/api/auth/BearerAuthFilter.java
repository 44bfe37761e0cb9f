package io.tributary.api.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tributary.api.config.ApiConfig;
import io.tributary.api.problem.Problem;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Every route but {@code /health} and the Prometheus {@code /metrics} scrape needs
 * {@code Authorization: Bearer <token>} (RFC 6750 section 2.1). WebSocket upgrades may pass the
 * token as {@code access_token} query parameter instead (RFC 6750 section 2.3) because browsers
 * cannot set headers on a WebSocket. Then the per-token rate limit: 429 with Retry-After
 * (RFC 6585 section 4). Bodies above the configured size are refused first with 413.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class BearerAuthFilter implements io.micronaut.core.order.Ordered {
  private final TokenAuthenticator authenticator;
  private final RateLimiter limiter;
  private final long maxBody;

  public BearerAuthFilter(TokenAuthenticator authenticator, RateLimiter limiter, ApiConfig config) {
    this.authenticator = authenticator;
    this.limiter = limiter;
    this.maxBody = config.maxBodyBytes();
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.order();
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @io.micronaut.core.annotation.Nullable
  public HttpResponse<?> filter(HttpRequest<?> request) {
    MDC.remove("streamId");
    MDC.remove("sessionId");
    String path = request.getPath();
    if (path.equals("/health") || path.equals("/metrics")) {
      return null;
    }
    long length = request.getContentLength();
    if (length > maxBody) {
      return problem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, request, "body",
          "at most " + maxBody + " bytes", "request body of " + length + " bytes exceeds " + maxBody);
    }
    Optional<String> token = bearer(request);
    if (token.isEmpty()) {
      return problem(HttpStatus.UNAUTHORIZED, request, "header:Authorization", "Bearer token required",
          "missing or malformed Authorization header").header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    Optional<Caller> caller = authenticator.authenticate(token.get());
    if (caller.isEmpty()) {
      return problem(HttpStatus.UNAUTHORIZED, request, "header:Authorization", "valid, unrevoked token",
          "the token is unknown or revoked").header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }
    long wait = limiter.retryAfterSeconds(caller.get().tokenHash());
    if (wait > 0) {
      return problem(HttpStatus.TOO_MANY_REQUESTS, request, "header:Authorization", "rate limit per token",
          "too many requests for this token; retry in " + wait + " s").header(HttpHeaders.RETRY_AFTER, Long.toString(wait));
    }
    request.setAttribute(Caller.ATTRIBUTE, caller.get());
    return null;
  }

  private static Optional<String> bearer(HttpRequest<?> request) {
    Optional<String> header = request.getHeaders().getAuthorization();
    if (header.isPresent()) {
      String h = header.get();
      return h.regionMatches(true, 0, "Bearer ", 0, 7) ? Optional.of(h.substring(7).strip()) : Optional.empty();
    }
    if (request.getPath().startsWith("/ws/")) {
      return request.getParameters().getFirst("access_token");
    }
    return Optional.empty();
  }

  private static io.micronaut.http.MutableHttpResponse<Problem> problem(HttpStatus status, HttpRequest<?> request,
      String field, String rule, String detail) {
    return HttpResponse.<Problem>status(status)
        .body(new Problem("about:blank", status.getReason(), status.getCode(), detail, request.getPath(), field, rule))
        .contentType(Problem.MEDIA_TYPE);
  }
}
