package io.tributary.ingest.server;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import io.tributary.core.metrics.EmfLine;
import io.tributary.core.metrics.MetricNames;
import io.tributary.ingest.flv.AudioTagInfo;
import io.tributary.ingest.flv.HealthMeter;
import io.tributary.ingest.flv.HealthSample;
import io.tributary.ingest.flv.KeyframeChunker;
import io.tributary.ingest.flv.StreamMetadata;
import io.tributary.ingest.flv.TimestampNormalizer;
import io.tributary.ingest.flv.Track;
import io.tributary.ingest.flv.VideoTagInfo;
import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.VideoMessage;
import io.tributary.ingest.sink.SessionTarget;
import io.tributary.ingest.sink.UploadQueue;
import io.tributary.ingest.streams.DynamoSessionLedger;
import io.tributary.ingest.streams.LeaseLostException;
import io.tributary.ingest.streams.LeaseWatch;
import io.tributary.ingest.streams.StreamConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One accepted publish: media in (on the connection's event loop) → timeline → chunker → upload
 * queue; a health sample every few seconds and a lease heartbeat, both written off the loop.
 */
final class LivePublish {
  private static final Logger LOG = LoggerFactory.getLogger(LivePublish.class);
  /** Longest chunk without a keyframe before the stream is refused (jobs allow 60 s). */
  private static final long MAX_CHUNK_MS = 30_000;
  /** A timestamp step larger than this is spliced out of the timeline. */
  private static final long MAX_TIMESTAMP_GAP_MS = 10_000;

  private final Channel channel;
  private final IngestServices s;
  private final StreamConfig stream;
  private final Authorization auth;
  private final TimestampNormalizer timeline = new TimestampNormalizer(MAX_TIMESTAMP_GAP_MS);
  private final KeyframeChunker chunker;
  private final HealthMeter meter;
  private final UploadQueue queue;
  private final ScheduledFuture<?> healthTask;
  private final java.util.concurrent.ScheduledFuture<?> leaseTask;
  private final LeaseWatch lease;
  private final DynamoSessionLedger ledger;
  private volatile CompletableFuture<Void> ended;

  LivePublish(Channel channel, Authorization auth, IngestServices s) {
    this.channel = channel;
    this.s = s;
    this.auth = auth;
    this.stream = auth.config();
    long now = System.currentTimeMillis();
    this.lease = new LeaseWatch(s.config().lease().toMillis(), auth.startedAtMs());
    this.ledger = new DynamoSessionLedger(s.repo(), stream, auth.session(), lease);
    this.queue = s.uploader().open(new SessionTarget(stream.streamId(), auth.session(), stream.segmentDurationMs(),
        stream.ladderPreset()), ledger,
        reason -> channel.eventLoop().execute(() -> fail(reason)));
    this.chunker = new KeyframeChunker(stream.segmentDurationMs(), MAX_CHUNK_MS, s.config().maxChunkBytes(),
        s.uploader().blocks(), queue::submit);
    this.meter = new HealthMeter(stream.segmentDurationMs(), now);
    long healthMs = s.config().healthInterval().toMillis();
    this.healthTask = channel.eventLoop().scheduleAtFixedRate(this::sampleHealth, healthMs, healthMs, TimeUnit.MILLISECONDS);
    long renewMs = s.config().lease().toMillis() / 3;
    this.leaseTask = s.timers().scheduleAtFixedRate(() -> s.blocking().execute(this::renewLease), renewMs, renewMs,
        TimeUnit.MILLISECONDS);
    s.metrics().publishers.incrementAndGet();
    s.registry().started(stream.streamId().value(), this);
  }

  String streamId() {
    return stream.streamId().value();
  }

  String sessionId() {
    return auth.session().value();
  }

  Channel channel() {
    return channel;
  }

  /** Bytes of heap reserved by this publish's chunk buffer (read from any thread: an estimate). */
  int chunkBufferCapacity() {
    return chunker.bufferCapacity();
  }

  void onMetadata(StreamMetadata md) {
    chunker.onMetadata(md);
  }

  void onVideo(VideoMessage m) {
    if (ended != null) {
      return;
    }
    long ts = timeline.normalize(Track.VIDEO, m.timestamp());
    VideoTagInfo info = VideoTagInfo.parse(m.data());
    meter.onVideo(ts, m.data().length(), info.keyframe());
    s.metrics().mediaBytes.add(m.data().length());
    s.metrics().mediaMessages.increment();
    chunker.onVideo(ts, m.data(), info, System.currentTimeMillis());
  }

  void onAudio(AudioMessage m) {
    if (ended != null) {
      return;
    }
    long ts = timeline.normalize(Track.AUDIO, m.timestamp());
    AudioTagInfo info = AudioTagInfo.parse(m.data());
    meter.onAudio(ts, m.data().length());
    s.metrics().mediaBytes.add(m.data().length());
    s.metrics().mediaMessages.increment();
    chunker.onAudio(ts, m.data(), info, System.currentTimeMillis());
  }

  /**
   * Ends the session: the chunk being filled becomes the last one (job {@code last=true}), then
   * the ENDED record and the lease release follow it through the upload queue. Idempotent.
   */
  CompletableFuture<Void> end(String reason) {
    if (ended != null) {
      return ended;
    }
    healthTask.cancel(false);
    leaseTask.cancel(false);
    try {
      chunker.finish();
    } catch (RuntimeException e) {
      LOG.warn("last chunk of session {} not closed: {}", auth.session(), e.toString());
    }
    ended = queue.end(reason);
    s.metrics().publishers.decrementAndGet();
    s.metrics().endedSession(reason);
    s.registry().ending(streamId(), this, ended);
    MDC.put("streamId", streamId());
    MDC.put("sessionId", sessionId());
    try {
      LOG.info("session ended: stream {} session {} reason {} chunks {}", stream.streamId(), auth.session(), reason,
          chunker.chunkCount());
    } finally {
      MDC.clear();
    }
    return ended;
  }

  /** Drops the stream for a reason of ours (overflow, lost lease, bad media): end, then close. */
  void fail(String reason) {
    end(reason);
    channel.close();
  }

  private void sampleHealth() {
    if (ended != null) {
      return;
    }
    HealthSample h;
    try {
      h = meter.sample(System.currentTimeMillis(), chunker.source(), timeline.jumps());
    } catch (IllegalStateException noMediaYet) {
      h = meter.sample(System.currentTimeMillis(), null, timeline.jumps());
    }
    HealthSample sample = h;
    if (!sample.warnings().isEmpty()) {
      LOG.warn("stream {} health warnings: {}", stream.streamId(), sample.warnings());
    }
    if (s.config().emf()) {
      // Raw stdout, not the JSON logger: CloudWatch reads EMF records as whole lines.
      System.out.println(new EmfLine().dimension(MetricNames.SERVICE, MetricNames.INGEST)
          .metric(MetricNames.INGEST_BITRATE_KBPS, sample.bitrateKbps(),
          "Kilobits/Second").metric("IngestFps", sample.fps(), "Count/Second").property("streamId", streamId())
          .property("sessionId", sessionId()).toJson(sample.atMs()));
    }
    s.history().add(stream.streamId(), auth.session(), sample);
    // The latest sample rides on the next chunk's seq write; only when no chunk took the previous
    // one within an interval is this one written on its own (which also extends the lease).
    if (!ledger.offerHealth(sample) || !ledger.takeHealth(sample)) {
      return;
    }
    s.blocking().execute(() -> {
      try {
        if (ended != null) {
          return;
        }
        long at = System.currentTimeMillis();
        s.repo().writeHealth(stream.streamId(), auth.session(), sample, lease.untilFrom(at));
        lease.extended(at);
      } catch (LeaseLostException e) {
        if (ended == null) {
          channel.eventLoop().execute(() -> fail("lease-lost"));
        }
      } catch (RuntimeException e) {
        s.metrics().healthWriteFailures.increment();
        LOG.warn("health sample of stream {} not written: {}", stream.streamId(), e.toString());
      }
    });
  }

  private void renewLease() {
    long now = System.currentTimeMillis();
    if (ended != null || !lease.heartbeatDue(now)) {
      return;
    }
    MDC.put("streamId", streamId());
    MDC.put("sessionId", sessionId());
    try {
      s.repo().renewLease(stream.streamId(), auth.session(), lease.untilFrom(now));
      lease.extended(now);
    } catch (LeaseLostException e) {
      if (ended == null) {
        LOG.error("{}: dropping the stream", e.getMessage());
        channel.eventLoop().execute(() -> fail("lease-lost"));
      }
    } catch (RuntimeException e) {
      LOG.warn("lease of stream {} not renewed (will retry): {}", stream.streamId(), e.toString());
    } finally {
      MDC.clear();
    }
  }
}
