package io.tributary.infra;

import io.tributary.infra.config.InfraConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * How long a synth of the whole app takes, against a baseline measured in the same JVM: a stack
 * with one bucket, which pays the same jsii/Node round trips and cloud-assembly writing but none
 * of our constructs. Bounded: {@code rounds} timed rounds of each after one warm-up of each.
 *
 * <pre>cd infra/cdk && mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.tributary.infra.SynthBenchmark -Dtributary.bench.rounds=5</pre>
 * (Not {@code -Dexec.args}: it would also replace the arguments of this module's bound chmod.)
 */
public final class SynthBenchmark {
  private SynthBenchmark() {}

  public static void main(String[] args) {
    int rounds = Math.min(Integer.getInteger("tributary.bench.rounds", 5), 20);
    Supplier<Long> baseline = () -> time(() -> {
      App app = app("bench-baseline");
      Bucket.Builder.create(new Stack(app, "Baseline"), "Bucket").build();
      app.synth();
    });
    Supplier<Long> fargate = () -> time(() -> synthTributary(Map.of()));
    Supplier<Long> lambda = () -> time(() -> synthTributary(Map.of(InfraConfig.TRANSCODE, "lambda")));
    baseline.get();
    fargate.get();
    lambda.get();
    long b = median(rounds, baseline);
    long f = median(rounds, fargate);
    long l = median(rounds, lambda);
    System.out.printf("synth median of %d rounds: baseline (one bucket) %d ms; Tributary fargate %d ms (%.1fx); "
        + "Tributary lambda incl. 83 MB ffmpeg layer staging %d ms (%.1fx)%n", rounds, b, f, (double) f / b, l,
        (double) l / b);
  }

  private static void synthTributary(Map<String, Object> overrides) {
    Map<String, Object> context = new java.util.HashMap<>(CdkJson.context());
    context.putAll(overrides);
    App app = new App(AppProps.builder().outdir(out("bench-tributary")).context(context).build());
    InfraApp.build(app, InfraConfig.fromContext(app.getNode()::tryGetContext), TestArtifacts.create(), Map.of());
    app.synth();
  }

  private static App app(String name) {
    return new App(AppProps.builder().outdir(out(name)).build());
  }

  private static String out(String name) {
    return Path.of("target", name + "-" + System.nanoTime()).toAbsolutePath().toString();
  }

  private static long time(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    deleteOutputs();
    return ms;
  }

  /** Each synth stages its assets (83 MB for the layer); keep target/ from filling up. */
  private static void deleteOutputs() {
    try (Stream<Path> dirs = Files.list(Path.of("target"))) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("bench-")).toList()) {
        try (Stream<Path> tree = Files.walk(dir)) {
          for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long median(int rounds, Supplier<Long> run) {
    List<Long> ms = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      ms.add(run.get());
    }
    Collections.sort(ms);
    return ms.get(ms.size() / 2);
  }
}
