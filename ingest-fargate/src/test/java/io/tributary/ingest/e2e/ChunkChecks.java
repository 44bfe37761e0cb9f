package io.tributary.ingest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.job.TranscodeJob;
import io.tributary.ingest.testing.FfTools;
import io.tributary.ingest.testing.QueuedJobs;
import io.tributary.local.aws.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every published stream must satisfy, checked on the real objects in S3 with ffprobe. */
final class ChunkChecks {
  private ChunkChecks() {}

  /**
   * Jobs are in seq order; each chunk is in S3, decodes alone, starts on a keyframe (video) at its
   * startMs, and the next chunk starts where it ends; durations are within one GOP of the target.
   */
  static void verify(LocalAws aws, List<QueuedJobs.Received> received, Path dir, boolean video, long gopMs,
                     long targetMs, double publishedSeconds) throws IOException {
    assertTrue(received.size() >= 2, "at least two chunks, got " + received.size());
    long firstSeq = received.get(0).job().seq();
    for (int i = 0; i < received.size(); i++) {
      TranscodeJob j = received.get(i).job();
      assertEquals(firstSeq + i, j.seq(), "seq contiguous");
      assertEquals(i == 0, j.discontinuity(), "discontinuity only on the first chunk");
      assertEquals(i == received.size() - 1, j.last(), "last only on the final chunk");
      assertEquals(targetMs, j.targetDurationMs());
      byte[] flv = aws.clients().s3().getObjectAsBytes(b -> b.bucket(aws.names().rawBucket()).key(j.chunkKey()))
          .asByteArray();
      Path f = dir.resolve(j.seq() + ".flv");
      Files.write(f, flv);
      assertEquals("", FfTools.decodeErrors(f), "chunk " + j.seq() + " decodes on its own");
      List<String[]> packets = FfTools.packets(f);
      String kind = video ? "video" : "audio";
      String[] first = packets.stream().filter(p -> p[0].equals(kind)).findFirst().orElseThrow();
      if (video) {
        assertTrue(first[4].startsWith("K"), "chunk " + j.seq() + " starts on a keyframe");
      }
      assertEquals(j.startMs() / 1000.0, Double.parseDouble(first[2]), 0.0015, "chunk timestamps are the session timeline");
      if (i + 1 < received.size()) {
        assertEquals(received.get(i + 1).job().startMs(), j.startMs() + j.durationMs(), "timeline continuous");
        assertTrue(j.durationMs() >= targetMs && j.durationMs() <= targetMs + gopMs,
            "duration " + j.durationMs() + " within one GOP of the target");
      }
    }
    TranscodeJob last = received.get(received.size() - 1).job();
    long covered = last.startMs() + last.durationMs() - received.get(0).job().startMs();
    assertTrue(Math.abs(covered - publishedSeconds * 1000) <= 250,
        "nothing missing: chunks cover " + covered + " ms of " + publishedSeconds + " s published");
  }
}
