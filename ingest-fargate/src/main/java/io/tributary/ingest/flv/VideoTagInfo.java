package io.tributary.ingest.flv;

import io.tributary.ingest.message.Payload;
import java.nio.charset.StandardCharsets;

/**
 * The header of a video tag body, legacy FLV (spec v10.1 E.4.3.1: FrameType, CodecID,
 * AVCPacketType, CompositionTime) or enhanced RTMP (veovera enhanced-rtmp v1: IsExHeader bit,
 * 3-bit FrameType, PacketType, FourCC {@code avc1 hvc1 av01 vp09}).
 *
 * @param codec SourceInfo name: {@code avc}, {@code hevc}, {@code av1}, {@code vp9}, else a descriptive token
 * @param keyframe frame type 1 (key) or 4 (generated key) on a coded frame
 * @param kind what the body carries
 * @param compositionTimeMs PTS - DTS for AVC/HEVC coded frames (B-frames), else 0
 */
public record VideoTagInfo(String codec, boolean keyframe, PacketKind kind, int compositionTimeMs) {
  private static final int EX_HEADER = 0x80;
  private static final int FRAME_KEY = 1;
  private static final int FRAME_GENERATED_KEY = 4;
  private static final int FRAME_COMMAND = 5;

  /** Parses the first bytes of a tag body; a body too short to carry a header is an {@link FlvFormatException}. */
  public static VideoTagInfo parse(Payload body) {
    if (body.length() < 1) {
      throw new FlvFormatException("empty video tag body");
    }
    int b0 = body.get(0) & 0xFF;
    if ((b0 & EX_HEADER) != 0) {
      return parseEnhanced(body, b0);
    }
    int frameType = b0 >>> 4;
    int codecId = b0 & 0x0F;
    String codec = legacyCodec(codecId);
    if (frameType == FRAME_COMMAND) {
      return new VideoTagInfo(codec, false, PacketKind.OTHER, 0);
    }
    boolean key = frameType == FRAME_KEY || frameType == FRAME_GENERATED_KEY;
    // AVC (7) and the widely used non-standard HEVC id 12 carry AVCPacketType + SI24 composition time.
    if (codecId == 7 || codecId == 12) {
      if (body.length() < 5) {
        throw new FlvFormatException("AVC video tag body of " + body.length() + " bytes is shorter than its 5-byte header");
      }
      int packetType = body.get(1) & 0xFF;
      int cts = si24(body, 2);
      PacketKind kind = switch (packetType) {
        case 0 -> PacketKind.SEQUENCE_HEADER;
        case 1 -> PacketKind.CODED;
        case 2 -> PacketKind.END_OF_SEQUENCE;
        default -> PacketKind.OTHER;
      };
      return new VideoTagInfo(codec, key && kind == PacketKind.CODED, kind, kind == PacketKind.CODED ? cts : 0);
    }
    return new VideoTagInfo(codec, key, PacketKind.CODED, 0);
  }

  private static VideoTagInfo parseEnhanced(Payload body, int b0) {
    int frameType = (b0 >>> 4) & 0x07;
    int packetType = b0 & 0x0F;
    if (body.length() < 5) {
      throw new FlvFormatException("enhanced video tag body of " + body.length() + " bytes is shorter than its 5-byte header");
    }
    String fourCc = new String(new byte[] {body.get(1), body.get(2), body.get(3), body.get(4)}, StandardCharsets.US_ASCII);
    String codec = switch (fourCc) {
      case "avc1" -> "avc";
      case "hvc1" -> "hevc";
      case "av01" -> "av1";
      case "vp09" -> "vp9";
      default -> fourCc.replaceAll("[^A-Za-z0-9]", "_");
    };
    if (frameType == FRAME_COMMAND) {
      return new VideoTagInfo(codec, false, PacketKind.OTHER, 0);
    }
    boolean key = frameType == FRAME_KEY || frameType == FRAME_GENERATED_KEY;
    // PacketType values (enhanced RTMP v1): 0 SequenceStart, 1 CodedFrames (SI24 composition time
    // for avc1/hvc1 only), 2 SequenceEnd, 3 CodedFramesX (no composition time), 4 Metadata,
    // 5 MPEG2TSSequenceStart (AV1 in MPEG-2 TS form: also a configuration).
    return switch (packetType) {
      case 0, 5 -> new VideoTagInfo(codec, false, PacketKind.SEQUENCE_HEADER, 0);
      case 1 -> {
        boolean hasCts = "avc".equals(codec) || "hevc".equals(codec);
        if (hasCts && body.length() < 8) {
          throw new FlvFormatException("enhanced " + fourCc + " CodedFrames body of " + body.length()
              + " bytes is shorter than its 8-byte header");
        }
        yield new VideoTagInfo(codec, key, PacketKind.CODED, hasCts ? si24(body, 5) : 0);
      }
      case 2 -> new VideoTagInfo(codec, false, PacketKind.END_OF_SEQUENCE, 0);
      case 3 -> new VideoTagInfo(codec, key, PacketKind.CODED, 0);
      default -> new VideoTagInfo(codec, false, PacketKind.OTHER, 0);
    };
  }

  private static String legacyCodec(int codecId) {
    return switch (codecId) {
      case 7 -> "avc";
      case 12 -> "hevc";
      case 2 -> "h263";
      case 4, 5 -> "vp6";
      default -> "flv-video-" + codecId;
    };
  }

  private static int si24(Payload p, int at) {
    int v = ((p.get(at) & 0xFF) << 16) | ((p.get(at + 1) & 0xFF) << 8) | (p.get(at + 2) & 0xFF);
    return (v << 8) >> 8;
  }
}
