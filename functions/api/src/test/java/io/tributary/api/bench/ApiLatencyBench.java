package io.tributary.api.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.api.TestApi;
import io.tributary.api.lambda.ApiHandler;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsConfig;
import io.tributary.local.aws.LocalAwsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * In-process latency of GET /streams/{id} and GET /streams against the local DynamoDB (dynalite),
 * next to the raw SDK call each one makes (GetItem, GSI Query) as the baseline measured in the
 * same run. A bounded loop: {@code WARMUP} + {@code N} calls per series, and each series stops at
 * {@code MAX_SERIES_S} seconds whatever the count. Run (see BENCHMARKS.md):
 * {@code java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) io.tributary.api.bench.ApiLatencyBench}
 */
public final class ApiLatencyBench {
  static final int WARMUP = Integer.getInteger("bench.warmup", 300);
  static final int N = Integer.getInteger("bench.n", 2000);
  static final long MAX_SERIES_S = 60;

  private ApiLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("api-bench-");
    try (LocalAwsServer local = LocalAwsServer.start(LocalAwsConfig.forTests(dir))) {
      LocalAws aws = local.aws();
      ApplicationContext ctx = TestApi.context(aws, Map.of("tributary.rate-limit-per-s", 100000,
          "tributary.rate-limit-burst", 100000));
      ApiHandler handler = new ApiHandler(ctx);
      String token = TestApi.token(ctx, "bench");
      HttpClient http = HttpClient.newHttpClient();
      EmbeddedServer server = TestApi.server(aws, Map.of("tributary.rate-limit-per-s", 100000,
          "tributary.rate-limit-burst", 100000));
      URI base = URI.create("http://127.0.0.1:" + server.getPort());
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        var r = http.send(HttpRequest.newBuilder(base.resolve("/streams")).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"bench " + i + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        ids.add(r.body().replaceAll(".*\"id\":\"(st_[a-z2-7]{20})\".*", "$1"));
      }
      String id = ids.get(25);
      DynamoDbClient dynamo = aws.clients().dynamo();
      String table = aws.names().streamsTable();

      Map<String, IntSupplier> calls = new java.util.LinkedHashMap<>();
      calls.put("raw SDK GetItem (baseline)", () -> dynamo.getItem(b -> b.tableName(table)
          .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(id))).consistentRead(true)).item().size());
      calls.put("Lambda handler GET /streams/{id}", () -> handler.handleRequest(
          event("/streams/" + id, Map.of(), token), null).getStatusCode());
      calls.put("local server HTTP GET /streams/{id}", () -> send(http, base.resolve("/streams/" + id), token));
      calls.put("raw SDK Query byTenant 20 (baseline)", () -> dynamo.query(b -> b.tableName(table)
          .indexName(StreamsTable.BY_TENANT).keyConditionExpression("#t = :t")
          .expressionAttributeNames(Map.of("#t", StreamsTable.TENANT_ID))
          .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("bench"))).scanIndexForward(false).limit(20))
          .count());
      calls.put("Lambda handler GET /streams?limit=20", () -> handler.handleRequest(
          event("/streams", Map.of("limit", "20"), token), null).getStatusCode());
      calls.put("local server HTTP GET /streams?limit=20", () -> send(http, base.resolve("/streams?limit=20"), token));
      List<Percentiles> p = interleaved(calls);
      Percentiles getItem = p.get(0);
      Percentiles lambdaGet = p.get(1);
      Percentiles httpGet = p.get(2);
      Percentiles query = p.get(3);
      Percentiles lambdaList = p.get(4);
      Percentiles httpList = p.get(5);

      System.out.println();
      System.out.println("| series | n | p50 ms | p90 ms | p99 ms | max ms | p99 / baseline p99 |");
      System.out.println("|---|---|---|---|---|---|---|");
      System.out.println(getItem.row(getItem));
      System.out.println(lambdaGet.row(getItem));
      System.out.println(httpGet.row(getItem));
      System.out.println(query.row(query));
      System.out.println(lambdaList.row(query));
      System.out.println(httpList.row(query));
      server.getApplicationContext().close();
      handler.close();
    }
  }

  private static int send(HttpClient http, URI uri, String token) {
    try {
      return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
          HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static APIGatewayV2HTTPEvent event(String path, Map<String, String> query, String token) {
    StringBuilder raw = new StringBuilder();
    query.forEach((k, v) -> raw.append(raw.length() == 0 ? "" : "&").append(k).append('=').append(v));
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default").withRawPath(path)
        .withRawQueryString(raw.toString()).withQueryStringParameters(query.isEmpty() ? null : query)
        .withHeaders(Map.of("authorization", "Bearer " + token, "host", "k3x9q1z7ab.execute-api.us-east-1.amazonaws.com"))
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
            .build())
        .withIsBase64Encoded(false).build();
  }

  /**
   * Round-robin over the series, one call each per round, so that load from other processes on
   * the machine falls on every series alike and the ratios stay meaningful.
   */
  private static List<Percentiles> interleaved(Map<String, IntSupplier> calls) {
    for (int i = 0; i < WARMUP; i++) {
      calls.forEach((name, call) -> check(name, call.getAsInt()));
    }
    List<String> names = new ArrayList<>(calls.keySet());
    long[][] nanos = new long[names.size()][N];
    long stopAt = System.nanoTime() + MAX_SERIES_S * names.size() * 1_000_000_000L;
    int n = 0;
    for (; n < N && System.nanoTime() < stopAt; n++) {
      for (int s = 0; s < names.size(); s++) {
        IntSupplier call = calls.get(names.get(s));
        long t0 = System.nanoTime();
        int r = call.getAsInt();
        nanos[s][n] = System.nanoTime() - t0;
        check(names.get(s), r);
      }
    }
    List<Percentiles> out = new ArrayList<>();
    for (int s = 0; s < names.size(); s++) {
      out.add(Percentiles.of(names.get(s), java.util.Arrays.copyOf(nanos[s], n)));
    }
    return out;
  }

  private static void check(String name, int result) {
    if (result >= 300 && result != 200) {
      throw new IllegalStateException(name + " answered " + result);
    }
  }
}
