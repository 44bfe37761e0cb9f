package io.tributary.transcode.job;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.resources.MediaKeys;
import io.tributary.transcode.media.TrackOutput;
import io.tributary.transcode.media.TranscodePlan;
import io.tributary.transcode.media.TranscodeResult;
import io.tributary.transcode.media.Transcoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler for a {@link TranscodeJob}, shared by the ECS poller and the Lambda: download
 * the chunk, run ffmpeg once, upload every rendition's segment (and init segment when the
 * session is new or its init is missing) and the thumbnail, then write the one index record.
 *
 * <p>Idempotent: every S3 key is deterministic and the index write is conditional, so a job run
 * twice (a worker killed after upload, before delete) leaves the same objects and one record.
 * The index is written last, so a record never points at a segment not yet uploaded.
 */
public final class TranscodeHandler {
  private static final Logger LOG = LoggerFactory.getLogger(TranscodeHandler.class);
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
  /** This thread's CPU per stage of the current job, ms: the worker's own cost beside ffmpeg's. */
  private static final ThreadLocal<java.util.Map<String, Long>> STAGE_CPU =
      ThreadLocal.withInitial(java.util.LinkedHashMap::new);
  private final MediaStore store;
  private final SegmentIndex index;
  private final Transcoder transcoder;
  private final Path scratch;
  private final KnownInits inits = new KnownInits(10_000);

  public TranscodeHandler(MediaStore store, SegmentIndex index, Transcoder transcoder, Path scratch) {
    this.store = store;
    this.index = index;
    this.transcoder = transcoder;
    this.scratch = scratch;
  }

  public SegmentIndex index() {
    return index;
  }

  public JobOutcome handle(TranscodeJob job) {
    if (index.isDone(job.streamId(), job.seq())) {
      // A redelivery after the record was written (crash before delete): nothing left to do.
      LOG.info("segment already indexed, skipping redelivered job");
      return JobOutcome.ALREADY_DONE;
    }
    Path dir = workDir(job);
    STAGE_CPU.get().clear();
    try {
      Path chunk = dir.resolve("chunk.flv");
      stage(job, "download", () -> store.download(job.chunkKey(), chunk));
      TranscodePlan plan = TranscodePlan.of(job);
      TranscodeResult result = stage(job, "transcode", () -> transcoder.transcode(chunk, dir, plan));
      stage(job, "upload", () -> upload(job, result));
      boolean written = stage(job, "index", () -> index.putOk(SegmentRecord.ok(job, result)));
      LOG.info("segment {}: {} video renditions, audio={}, duration={}s, ffmpeg={}ms, worker CPU ms by stage {}",
          written ? "indexed" : "already indexed by another run", result.video().size(), result.audio().isPresent(),
          SegmentRecord.seconds(result.durationSeconds()), result.ffmpegWall().toMillis(), STAGE_CPU.get());
      return new JobOutcome(written, result.durationSeconds(), result.ffmpegWall().toNanos() / 1e9);
    } finally {
      delete(dir);
    }
  }

  private void upload(TranscodeJob job, TranscodeResult result) {
    for (TrackOutput t : result.video()) {
      upload(job, t, "video/mp4");
    }
    result.audio().ifPresent(a -> upload(job, a, "audio/mp4"));
    result.thumbnail().ifPresent(j -> store.putThumbnail(MediaKeys.thumbnail(job.streamId()), j.bytes()));
  }

  private void upload(TranscodeJob job, TrackOutput t, String initType) {
    String initKey = MediaKeys.init(job.streamId(), t.name(), job.sessionId());
    // Once per session and rendition: on the discontinuity chunk, or when it is missing (the
    // session's first chunk failed for good); a worker checks each session's inits once.
    if (job.discontinuity() || (!inits.contains(initKey) && !store.mediaExists(initKey))) {
      store.putSegment(initKey, t.init().bytes(), initType);
    }
    inits.add(initKey);
    // RFC 8216 §4 / CMAF: media segments are served as video/iso.segment (audio/mp4 for audio-only tracks).
    store.putSegment(MediaKeys.segment(job.streamId(), t.name(), job.seq()), t.media().bytes(),
        t.track().isAudio() ? "audio/mp4" : "video/iso.segment");
  }

  private Path workDir(TranscodeJob job) {
    try {
      Files.createDirectories(scratch);
      return Files.createTempDirectory(scratch, job.streamId() + "-" + job.seq() + "-");
    } catch (IOException e) {
      throw new TranscodeException(job.streamId(), job.seq(), "scratch", "cannot create a work dir in " + scratch, e);
    }
  }

  private static <T> T stage(TranscodeJob job, String stage, java.util.function.Supplier<T> work) {
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    try {
      return work.get();
    } catch (TranscodeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TranscodeException(job.streamId(), job.seq(), stage, e.getMessage(), e);
    } finally {
      STAGE_CPU.get().put(stage, (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
    }
  }

  private static void stage(TranscodeJob job, String stage, Runnable work) {
    stage(job, stage, () -> {
      work.run();
      return null;
    });
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not clean work dir {}: {}", dir, e.toString());
    }
  }
}
