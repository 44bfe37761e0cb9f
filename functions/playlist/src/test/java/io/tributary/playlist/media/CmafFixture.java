package io.tributary.playlist.media;

import io.tributary.core.media.FfmpegLocator;
import io.tributary.playlist.plan.Track;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real CMAF media for the HTTP, ffprobe and browser tests: ffmpeg (via {@link FfmpegLocator})
 * encodes a test pattern and a tone into 2 s fMP4 segments per rendition — the same file kinds
 * the transcoder uploads — and the tfdt/mdhd values are read back from the boxes, as the
 * transcoder indexes them. Generated once per JVM.
 */
public final class CmafFixture {
  public static final int SEGMENTS = 24;
  public static final long SEGMENT_MS = 2000;
  /** Rendition name → (width, height, kbps). */
  static final Map<String, int[]> VIDEO = new LinkedHashMap<>();

  static {
    VIDEO.put("source", new int[] {320, 180, 400});
    VIDEO.put("low", new int[] {192, 108, 150});
  }

  /** One rendition (or audio) of the fixture. */
  public record Rung(String name, byte[] init, List<byte[]> segments, List<Track> tracks) {}

  private static volatile Map<String, Rung> cached;

  private CmafFixture() {}

  public static synchronized Map<String, Rung> rungs() {
    if (cached == null) {
      cached = generate();
    }
    return cached;
  }

  private static Map<String, Rung> generate() {
    try {
      Path dir = Files.createTempDirectory("playlist-cmaf-");
      Map<String, Rung> out = new LinkedHashMap<>();
      String seconds = Long.toString(SEGMENTS * SEGMENT_MS / 1000);
      for (var e : VIDEO.entrySet()) {
        int[] v = e.getValue();
        Path d = Files.createDirectories(dir.resolve(e.getKey()));
        run(d, List.of("-f", "lavfi", "-i", "testsrc2=size=" + v[0] + "x" + v[1] + ":rate=30", "-t", seconds,
            "-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "baseline", "-level", "3.0", "-pix_fmt", "yuv420p",
            "-b:v", v[2] + "k", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-threads", "1"));
        out.put(e.getKey(), read(e.getKey(), d, "avc1.42c01e", v[0], v[1], 30, v[2] * 1000L));
      }
      Path a = Files.createDirectories(dir.resolve("audio"));
      run(a, List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", seconds, "-c:a", "aac",
          "-b:a", "64k", "-ac", "2"));
      out.put("audio", read("audio", a, "mp4a.40.2", 0, 0, 0, 64_000));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(Path dir, List<String> input) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(FfmpegLocator.binaries().ffmpeg().toString());
    cmd.addAll(List.of("-hide_banner", "-loglevel", "error", "-y"));
    cmd.addAll(input);
    cmd.addAll(List.of("-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
        "-hls_fmp4_init_filename", "init.mp4", "-hls_segment_filename", dir.resolve("%d.m4s").toString(),
        dir.resolve("index.m3u8").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Rung read(String name, Path dir, String codecs, int w, int h, double fps, long bandwidth)
      throws IOException {
    byte[] init = Files.readAllBytes(dir.resolve("init.mp4"));
    long timescale = mdhdTimescale(init);
    List<byte[]> segs = new ArrayList<>();
    List<Long> decode = new ArrayList<>();
    for (int i = 0; Files.exists(dir.resolve(i + ".m4s")); i++) {
      byte[] s = Files.readAllBytes(dir.resolve(i + ".m4s"));
      segs.add(s);
      decode.add(tfdt(s));
    }
    if (segs.size() < SEGMENTS) {
      throw new IllegalStateException(name + ": ffmpeg produced " + segs.size() + " segments, expected " + SEGMENTS);
    }
    List<Track> tracks = new ArrayList<>();
    for (int i = 0; i < SEGMENTS; i++) {
      long d = i + 1 < decode.size() ? decode.get(i + 1) - decode.get(i) : timescale * SEGMENT_MS / 1000;
      tracks.add(new Track(segs.get(i).length, bandwidth, codecs, w, h, fps, timescale, decode.get(i), d));
    }
    return new Rung(name, init, segs.subList(0, SEGMENTS), tracks);
  }

  /** ISO/IEC 14496-12 8.4.2: mdhd timescale (version 0: after 3×4 bytes; version 1: after 4+8+8). */
  static long mdhdTimescale(byte[] init) {
    int at = find(init, "mdhd");
    ByteBuffer b = ByteBuffer.wrap(init);
    int version = init[at] & 0xff;
    return Integer.toUnsignedLong(b.getInt(at + (version == 1 ? 20 : 12)));
  }

  /** ISO/IEC 14496-12 8.8.12: tfdt baseMediaDecodeTime. */
  static long tfdt(byte[] seg) {
    int at = find(seg, "tfdt");
    ByteBuffer b = ByteBuffer.wrap(seg);
    int version = seg[at] & 0xff;
    return version == 1 ? b.getLong(at + 4) : Integer.toUnsignedLong(b.getInt(at + 4));
  }

  /** Offset just after the 4-byte type of the first box of this type (the version byte follows). */
  private static int find(byte[] data, String type) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 4; i + 4 <= data.length; i++) {
      for (int j = 0; j < 4; j++) {
        if (data[i + j] != t[j]) {
          continue outer;
        }
      }
      return i + 4; // just after the type field: version/flags follow
    }
    throw new IllegalStateException("no " + type + " box");
  }
}
