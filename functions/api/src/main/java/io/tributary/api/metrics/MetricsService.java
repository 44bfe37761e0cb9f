package io.tributary.api.metrics;

import io.tributary.api.auth.Caller;
import io.tributary.api.problem.ApiProblem;
import io.tributary.api.stream.StreamRepository;
import io.tributary.core.id.StreamId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Metrics history: one bounded Query of the stored samples, downsampled to at most N points. */
@Singleton
public class MetricsService {
  static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
  static final Duration MAX_WINDOW = Duration.ofDays(7);
  /** A day of 2 s samples; beyond it the answer is marked truncated rather than reading on. */
  static final int MAX_SAMPLES = 50_000;

  private final StreamRepository streams;
  private final MetricsRepository metrics;
  private final Clock clock;

  public MetricsService(StreamRepository streams, MetricsRepository metrics, Clock clock) {
    this.streams = streams;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Optional<MetricsView> history(Caller caller, StreamId id, Optional<String> since, Optional<String> until,
                                       int points) {
    Instant u = until.map(v -> parse("until", v)).orElse(clock.instant());
    Instant s = since.map(v -> parse("since", v)).orElse(u.minus(DEFAULT_WINDOW));
    if (!s.isBefore(u)) {
      throw ApiProblem.invalid("since", "since < until", "since " + s + " is not before until " + u);
    }
    if (Duration.between(s, u).compareTo(MAX_WINDOW) > 0) {
      throw ApiProblem.invalid("since", "window at most " + MAX_WINDOW.toDays() + " days",
          "window " + s + ".." + u + " is longer than " + MAX_WINDOW.toDays() + " days");
    }
    if (streams.find(caller.tenantId(), id).isEmpty()) {
      return Optional.empty();
    }
    long sinceMs = s.toEpochMilli();
    long untilMs = u.toEpochMilli();
    MetricsRepository.SampleWindow w = metrics.read(id.value(), sinceMs, untilMs, MAX_SAMPLES);
    return Optional.of(new MetricsView(id.value(), s.toString(), u.toString(),
        Downsampler.bucketMs(sinceMs, untilMs, points), w.samples().size(), w.truncated(),
        Downsampler.downsample(w.samples(), sinceMs, untilMs, points)));
  }

  private static Instant parse(String field, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(field, "ISO-8601 instant, e.g. 2026-01-01T00:00:00Z", field + " is not an ISO-8601 "
          + "instant: " + (value.length() > 40 ? value.substring(0, 40) + "..." : value));
    }
  }
}
