package io.tributary.ingest.flv;

import io.tributary.core.media.SourceInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the onMetaData script tag body that opens every chunk: AMF0 string "onMetaData" then an
 * ECMA array (AMF0 spec 2.4, 2.10; FLV spec v10.1 E.5). It is rebuilt from what ingest knows
 * rather than copied from the encoder, whose values (duration, filesize of a source file) would
 * be wrong for a chunk. Codec ids follow what ffmpeg 7 writes: FLV ids for AVC/AAC/MP3, the FourCC
 * as a number for enhanced-RTMP codecs.
 */
final class OnMetaDataWriter {
  private OnMetaDataWriter() {}

  static byte[] write(SourceInfo source) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    string(out, "onMetaData");
    out.write(0x08);
    int count = 2 + (source.hasVideo() ? 4 : 0) + (source.hasAudio() ? 3 : 0);
    int32(out, count);
    numberProperty(out, "duration", 0);
    if (source.hasVideo()) {
      numberProperty(out, "width", source.width());
      numberProperty(out, "height", source.height());
      numberProperty(out, "framerate", source.frameRate());
      numberProperty(out, "videocodecid", videoCodecId(source.videoCodec()));
    }
    if (source.hasAudio()) {
      numberProperty(out, "audiosamplerate", source.audioSampleRate());
      key(out, "stereo");
      out.write(0x01);
      out.write(source.audioChannels() >= 2 ? 1 : 0);
      numberProperty(out, "audiocodecid", audioCodecId(source.audioCodec()));
    }
    key(out, "encoder");
    string(out, "tributary-ingest");
    out.write(0);
    out.write(0);
    out.write(0x09);
    return out.toByteArray();
  }

  private static double videoCodecId(String codec) {
    return switch (codec) {
      case "avc" -> 7;
      case "hevc" -> fourCc("hvc1");
      case "av1" -> fourCc("av01");
      case "vp9" -> fourCc("vp09");
      default -> 0;
    };
  }

  private static double audioCodecId(String codec) {
    return switch (codec) {
      case "aac" -> 10;
      case "mp3" -> 2;
      default -> 0;
    };
  }

  /** ffmpeg's MKTAG: first character in the low byte. */
  private static double fourCc(String tag) {
    return (tag.charAt(0)) | (tag.charAt(1) << 8) | (tag.charAt(2) << 16) | ((long) tag.charAt(3) << 24);
  }

  private static void numberProperty(ByteArrayOutputStream out, String name, double value) {
    key(out, name);
    out.write(0x00);
    long bits = Double.doubleToLongBits(value);
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (bits >>> shift));
    }
  }

  private static void key(ByteArrayOutputStream out, String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    out.write(b.length >>> 8);
    out.write(b.length);
    out.write(b, 0, b.length);
  }

  private static void string(ByteArrayOutputStream out, String value) {
    out.write(0x02);
    key(out, value);
  }

  private static void int32(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }
}
