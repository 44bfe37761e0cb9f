package io.tributary.api.bench;

import io.tributary.api.IngestLeases;
import io.tributary.api.lambda.LeaseReaperHandler;
import io.tributary.api.lambda.ReaperHandlerConfig;
import io.tributary.api.reaper.HeldLease;
import io.tributary.api.reaper.LeaseReaper;
import io.tributary.api.stream.DynamoStreamRepository;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamSettings;
import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsConfig;
import io.tributary.local.aws.LocalAwsServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * How long the lease reaper takes, in-process against the embedded local DynamoDB, to free the
 * streams of a stopped ingest task holding 1, 10, 50 or 300 leases — against a baseline measured
 * in the same run: the same conditional writes made one after another for leases already known
 * (what clean unpublishes cost: end the session, release the lease). The reaper handler runs
 * one stream at a time (the ratio is then what finding the leases with one Query on
 * {@code byLeaseTask} and reading the event add) and 16 at a time (the default). Per round each
 * series gets a fresh task holding the same number of streams, in rotating order. Bounded:
 * {@code bench.rounds} (default 30; 10 for 300 leases) after 5 warm-up rounds, at most 120 s per size.
 *
 * {@code java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) io.tributary.api.bench.LeaseReapBench}
 */
public final class LeaseReapBench {
  static final int WARMUP = 5;
  static final int ROUNDS = Integer.getInteger("bench.rounds", 30);
  static final long MAX_SIZE_S = 120;
  private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/tributary-Cluster-EXAMPLE";
  private static final String FAMILY = "tributaryIngestTask1A2B3C4D";

  private LeaseReapBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("reap-bench-");
    String template;
    try (InputStream in = LeaseReapBench.class.getResourceAsStream("/ecs/task-state-change.json")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (LocalAwsServer local = LocalAwsServer.start(LocalAwsConfig.forTests(dir))) {
      LocalAws aws = local.aws();
      LeaseReaper direct = new LeaseReaper(aws.clients().dynamo(), aws.names());
      LeaseReaperHandler serial = new LeaseReaperHandler(new ReaperHandlerConfig(CLUSTER, FAMILY, 1),
          new LeaseReaper(aws.clients().dynamo(), aws.names(), 1), Clock.systemUTC(), false);
      LeaseReaperHandler parallel = new LeaseReaperHandler(new ReaperHandlerConfig(CLUSTER, FAMILY,
          LeaseReaper.DEFAULT_CONCURRENCY), new LeaseReaper(aws.clients().dynamo(), aws.names()), Clock.systemUTC(),
          false);
      System.out.println("| leases held | series | n | p50 ms | p90 ms | p99 ms | max ms | p99 / baseline p99 |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      for (int size : new int[] {1, 10, 50, 300}) {
        int rounds = size >= 300 ? Math.min(ROUNDS, 10) : ROUNDS;
        List<List<Long>> series = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long deadline = System.nanoTime() + MAX_SIZE_S * 1_000_000_000L;
        for (int round = 0; round < WARMUP + rounds && System.nanoTime() < deadline; round++) {
          List<HeldLease> known = held(aws, newTask(), size);
          String serialTask = newTask();
          held(aws, serialTask, size);
          String parallelTask = newTask();
          held(aws, parallelTask, size);
          long[] took = new long[3];
          // Rotate the order so that whatever the emulator does between calls falls on every series.
          for (int k = 0; k < 3; k++) {
            int which = (k + round) % 3;
            long t0 = System.nanoTime();
            if (which == 0) {
              long now = System.currentTimeMillis();
              for (HeldLease l : known) {
                check(direct.endSession(l, now) && direct.release(l, now), "direct write refused");
              }
            } else {
              String task = which == 1 ? serialTask : parallelTask;
              String outcome = invoke(which == 1 ? serial : parallel, event(template, task));
              check(outcome.equals("{\"outcome\":\"released " + size + " of " + size + "\"}"), outcome);
            }
            took[which] = System.nanoTime() - t0;
          }
          if (round >= WARMUP) {
            for (int k = 0; k < 3; k++) {
              series.get(k).add(took[k]);
            }
          }
        }
        Percentiles base = Percentiles.of("direct writes, leases known (baseline)", toArray(series.get(0)));
        System.out.println("| " + size + " " + base.row(base));
        System.out.println("| " + size + " " + Percentiles.of("reaper handler, 1 at a time", toArray(series.get(1)))
            .row(base));
        System.out.println("| " + size + " " + Percentiles.of("reaper handler, 16 at a time", toArray(series.get(2)))
            .row(base));
      }
    }
  }

  private static String invoke(LeaseReaperHandler handler, String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String newTask() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static String event(String template, String task) {
    return template.replace("${eventId}", UUID.randomUUID().toString())
        .replace("${taskArn}", "arn:aws:ecs:us-east-1:123456789012:task/tributary-Cluster-EXAMPLE/" + task)
        .replace("${taskId}", task).replace("${clusterArn}", CLUSTER).replace("${lastStatus}", "STOPPED")
        .replace("${taskDefinitionArn}", "arn:aws:ecs:us-east-1:123456789012:task-definition/" + FAMILY + ":7");
  }

  /** {@code size} streams live under {@code task}, written as ingest writes them; the leases as the index lists them. */
  private static List<HeldLease> held(LocalAws aws, String task, int size) {
    DynamoStreamRepository streams = new DynamoStreamRepository(aws.clients().dynamo(), aws.names());
    List<HeldLease> out = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < size; i++) {
      StreamId id = StreamId.random();
      streams.create(StreamRecord.created(id, "bench", new StreamSettings("bench", 2000, "default", false, 60, false),
          now));
      String session = SessionId.startingAt(Instant.ofEpochMilli(now)).value();
      check(IngestLeases.acquire(aws, id.value(), session, task, now, 10_000) == 0, "lease refused");
      IngestLeases.sessionStarted(aws, id.value(), session, task, now, 0, false);
      IngestLeases.nextSeq(aws, id.value(), session);
      out.add(new HeldLease(id, session, task, OptionalLong.of(0), false));
    }
    return out;
  }

  private static long[] toArray(List<Long> l) {
    return l.stream().mapToLong(Long::longValue).toArray();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }
}
