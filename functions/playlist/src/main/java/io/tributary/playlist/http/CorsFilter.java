package io.tributary.playlist.http;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * CORS on every manifest and segment: players on any origin fetch them with plain GETs (no
 * credentials), so a wildcard origin is enough (Fetch standard, CORS protocol).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CorsFilter {
  @ResponseFilter
  public void cors(MutableHttpResponse<?> response) {
    response.header("Access-Control-Allow-Origin", "*");
    response.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    response.header("Access-Control-Allow-Headers", "Range");
    response.header("Access-Control-Expose-Headers", "Content-Length, Content-Range");
  }
}
