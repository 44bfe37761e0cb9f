package io.tributary.ingest.flv;

import io.tributary.core.media.SourceInfo;
import io.tributary.ingest.message.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts one publish into standalone FLV chunks (ARCHITECTURE.md, Contract "Chunk"): a chunk starts
 * at a video keyframe and closes at the first keyframe at or past the target duration; an
 * audio-only stream is cut by time at an audio frame. Each chunk opens with the FLV header,
 * onMetaData and the latest sequence headers so a decoder needs nothing else. Timestamps must
 * already be on the session timeline ({@link TimestampNormalizer}).
 *
 * <p>Media before the first keyframe is dropped: it cannot be decoded without a reference. Until a
 * stream shows video (or its metadata announces none), early audio is held for up to one target
 * duration, so a video stream whose first keyframe trails its first audio frame does not start
 * with a sliver of audio-only chunk. Not thread-safe: one per connection, on its event loop.
 */
public final class KeyframeChunker {
  private final int targetMs;
  private final long maxChunkMs;
  private final int maxChunkBytes;
  private final Consumer<FlvChunk> out;
  private final FlvBuffer buf;

  private StreamMetadata metadata = StreamMetadata.NONE;
  private Payload videoConfig;
  private Payload audioConfig;
  private String videoCodec;
  /** From the latest video sequence header's SPS; null when none could be read (metadata is used). */
  private CodedSize codedSize;
  private String audioCodec;
  private int sampleRate;
  private int channels;
  private boolean videoSeen;

  private boolean open;
  private boolean videoMode;
  private long chunkStart;
  private long chunkCapturedAt;
  private long lastTs;
  private long lastMainTs;
  private long lastStep;
  private int index;
  private final List<PendingAudio> pendingAudio = new ArrayList<>();

  private record PendingAudio(long ts, long wallMs, Payload body) {}

  /** A chunker with its own unshared, non-recycling block source (tests, tools). */
  public KeyframeChunker(int targetMs, long maxChunkMs, int maxChunkBytes, Consumer<FlvChunk> out) {
    this(targetMs, maxChunkMs, maxChunkBytes, new BlockPool(0), out);
  }

  /**
   * @param blocks where chunk memory comes from; a chunk's blocks go back when its consumer
   *     {@linkplain ChunkBytes#release releases} them
   */
  public KeyframeChunker(int targetMs, long maxChunkMs, int maxChunkBytes, BlockPool blocks, Consumer<FlvChunk> out) {
    if (targetMs < 1000 || targetMs > 6000) {
      throw new IllegalArgumentException("target chunk duration must be in 1000..6000 ms, got " + targetMs);
    }
    if (maxChunkMs < targetMs || maxChunkMs > 60_000) {
      throw new IllegalArgumentException("max chunk duration must be in target.." + 60_000 + " ms, got " + maxChunkMs);
    }
    this.targetMs = targetMs;
    this.maxChunkMs = maxChunkMs;
    this.maxChunkBytes = maxChunkBytes;
    this.out = out;
    this.buf = new FlvBuffer(blocks);
  }

  public void onMetadata(StreamMetadata md) {
    metadata = md;
  }

  public void onVideo(long ts, Payload body, long wallMs) {
    onVideo(ts, body, VideoTagInfo.parse(body), wallMs);
  }

  /** As {@link #onVideo(long, Payload, long)} with the header already parsed by the caller. */
  public void onVideo(long ts, Payload body, VideoTagInfo info, long wallMs) {
    videoCodec = info.codec();
    videoSeen = true;
    switch (info.kind()) {
      case SEQUENCE_HEADER -> {
        videoConfig = body;
        codedSize = CodedSize.fromSequenceHeader(info.codec(), body).orElse(null);
        if (open && videoMode) {
          // A mid-chunk configuration change (resolution switch) applies to the frames after it.
          append(FlvBuffer.TAG_VIDEO, ts, body);
        }
      }
      case CODED -> coded(ts, body, wallMs, info.keyframe());
      default -> { }
    }
  }

  public void onAudio(long ts, Payload body, long wallMs) {
    onAudio(ts, body, AudioTagInfo.parse(body), wallMs);
  }

  /** As {@link #onAudio(long, Payload, long)} with the header already parsed by the caller. */
  public void onAudio(long ts, Payload body, AudioTagInfo info, long wallMs) {
    audioCodec = info.codec();
    if (info.sampleRate() > 0) {
      sampleRate = info.sampleRate();
    }
    if (info.channels() > 0) {
      channels = info.channels();
    }
    switch (info.kind()) {
      case SEQUENCE_HEADER -> {
        audioConfig = body;
        if (open) {
          append(FlvBuffer.TAG_AUDIO, ts, body);
        }
      }
      case CODED -> audioFrame(ts, body, wallMs);
      default -> { }
    }
  }

  /** Ends the session: the chunk being filled becomes the last one. True if a chunk was emitted. */
  public boolean finish() {
    if (!open) {
      return false;
    }
    long end = Math.max(lastTs, lastMainTs + Math.max(1, Math.min(lastStep, 1000)));
    long duration = Math.max(1, end - chunkStart);
    emit(duration, true);
    return true;
  }

  /** Chunks emitted so far. */
  public int chunkCount() {
    return index;
  }

  /** Bytes held for the chunk being filled. */
  public int bufferedBytes() {
    return open ? buf.size() : 0;
  }

  /** Heap held by the chunk being filled (its blocks), for the per-connection memory figures. */
  public int bufferCapacity() {
    return buf.capacity();
  }

  /** What the next job will report as its source. */
  public SourceInfo source() {
    String video = videoCodec != null ? videoCodec : metadata.videoCodec();
    String audio = audioCodec != null ? audioCodec : metadata.audioCodec();
    if (!videoMode && open) {
      video = null;
    }
    if (video == null && audio == null) {
      throw new IllegalStateException("no media seen yet");
    }
    // The SPS decides the picture size when it can be read; onMetaData may lack or misstate it.
    int w = video == null ? 0 : codedSize != null ? codedSize.width() : metadata.width();
    int h = video == null ? 0 : codedSize != null ? codedSize.height() : metadata.height();
    double fps = video == null ? 0 : metadata.frameRate();
    int rate = audio == null ? 0 : (sampleRate > 0 ? sampleRate : metadata.audioSampleRate());
    int ch = audio == null ? 0 : (channels > 0 ? channels : metadata.audioChannels());
    return new SourceInfo(video, audio, w, h, fps, rate, ch);
  }

  private void coded(long ts, Payload body, long wallMs, boolean keyframe) {
    if (!open || !videoMode) {
      if (!keyframe) {
        return;
      }
      if (open) {
        // An audio-only stream gained video: close the audio chunk so the next starts on the keyframe.
        emit(Math.max(1, ts - chunkStart), false);
      }
      pendingAudio.clear();
      videoMode = true;
      start(ts, wallMs);
      append(FlvBuffer.TAG_VIDEO, ts, body);
      return;
    }
    if (keyframe && ts - chunkStart >= targetMs) {
      emit(ts - chunkStart, false);
      start(ts, wallMs);
    } else {
      checkLimits(ts);
    }
    append(FlvBuffer.TAG_VIDEO, ts, body);
  }

  private void audioFrame(long ts, Payload body, long wallMs) {
    if (!open) {
      if (videoSeen || metadata.announcesVideo()) {
        return;
      }
      if (metadata.isPresent() || !pendingAudio.isEmpty() && ts - pendingAudio.get(0).ts() >= targetMs) {
        startAudioOnly(ts, body, wallMs);
      } else {
        pendingAudio.add(new PendingAudio(ts, wallMs, body));
      }
      return;
    }
    if (!videoMode && ts - chunkStart >= targetMs) {
      emit(ts - chunkStart, false);
      start(ts, wallMs);
    } else {
      checkLimits(ts);
    }
    append(FlvBuffer.TAG_AUDIO, ts, body);
  }

  private void startAudioOnly(long ts, Payload body, long wallMs) {
    videoMode = false;
    List<PendingAudio> held = new ArrayList<>(pendingAudio);
    pendingAudio.clear();
    if (held.isEmpty()) {
      start(ts, wallMs);
    } else {
      start(held.get(0).ts(), held.get(0).wallMs());
      for (PendingAudio p : held) {
        append(FlvBuffer.TAG_AUDIO, p.ts(), p.body());
      }
    }
    audioFrame(ts, body, wallMs);
  }

  private void start(long ts, long wallMs) {
    open = true;
    chunkStart = ts;
    chunkCapturedAt = wallMs;
    lastTs = ts;
    lastMainTs = ts;
    buf.reset();
    SourceInfo src = source();
    buf.writeHeader(src.hasAudio(), videoMode);
    byte[] md = OnMetaDataWriter.write(src);
    buf.writeTag(FlvBuffer.TAG_SCRIPT, ts, md, 0, md.length);
    if (videoMode && videoConfig != null) {
      buf.writeTag(FlvBuffer.TAG_VIDEO, ts, videoConfig);
    }
    if (audioConfig != null) {
      buf.writeTag(FlvBuffer.TAG_AUDIO, ts, audioConfig);
    }
  }

  private void append(int type, long ts, Payload body) {
    if (buf.size() + body.length() + FlvBuffer.TAG_OVERHEAD > maxChunkBytes) {
      throw new FlvFormatException("chunk would exceed " + maxChunkBytes + " bytes (" + buf.size() + " held, tag of "
          + body.length() + "): keyframes too far apart or bitrate too high");
    }
    // Within a chunk, never write a timestamp earlier than the chunk start (late audio after a cut).
    long t = Math.max(ts, chunkStart);
    buf.writeTag(type, t, body);
    boolean mainTrack = videoMode ? type == FlvBuffer.TAG_VIDEO : type == FlvBuffer.TAG_AUDIO;
    if (mainTrack) {
      if (t > lastMainTs) {
        lastStep = t - lastMainTs;
      }
      lastMainTs = Math.max(lastMainTs, t);
    }
    if (t > lastTs) {
      lastTs = t;
    }
  }

  private void checkLimits(long ts) {
    if (ts - chunkStart > maxChunkMs) {
      throw new FlvFormatException("no keyframe for " + (ts - chunkStart) + " ms (limit " + maxChunkMs
          + " ms): a chunk cannot be cut");
    }
  }

  private void emit(long durationMs, boolean last) {
    FlvChunk chunk = new FlvChunk(index++, chunkStart, durationMs, chunkCapturedAt, last, source(), buf.take());
    open = false;
    out.accept(chunk);
  }
}
