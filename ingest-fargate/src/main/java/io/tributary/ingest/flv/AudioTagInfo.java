package io.tributary.ingest.flv;

import io.tributary.ingest.message.Payload;
import java.nio.charset.StandardCharsets;

/**
 * The header of an audio tag body (FLV spec v10.1 E.4.2.1: SoundFormat, SoundRate, SoundSize,
 * SoundType; AACPacketType) or enhanced RTMP audio (SoundFormat 9 = ExHeader, AudioPacketType,
 * FourCC). Sample rate and channels come from the AAC AudioSpecificConfig (ISO/IEC 14496-3
 * 1.6.2.1) or the MP3 frame header, the legacy flags being unreliable for both.
 *
 * @param codec {@code aac}, {@code mp3}, {@code opus}... or a descriptive token
 * @param kind what the body carries
 * @param sampleRate Hz when this tag tells it, else 0
 * @param channels when this tag tells it, else 0
 */
public record AudioTagInfo(String codec, PacketKind kind, int sampleRate, int channels) {
  private static final int FORMAT_MP3 = 2;
  private static final int FORMAT_EX_HEADER = 9;
  private static final int FORMAT_AAC = 10;
  private static final int FORMAT_MP3_8K = 14;
  private static final int[] AAC_RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
      11025, 8000, 7350};
  private static final int[][] MP3_RATES = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000},
      {44100, 48000, 32000}};

  public static AudioTagInfo parse(Payload body) {
    if (body.length() < 1) {
      throw new FlvFormatException("empty audio tag body");
    }
    int b0 = body.get(0) & 0xFF;
    int format = b0 >>> 4;
    if (format == FORMAT_AAC) {
      if (body.length() < 2) {
        throw new FlvFormatException("AAC audio tag body of 1 byte has no AACPacketType");
      }
      if ((body.get(1) & 0xFF) == 0) {
        return aacConfig(body, 2);
      }
      return new AudioTagInfo("aac", PacketKind.CODED, 0, 0);
    }
    if (format == FORMAT_MP3 || format == FORMAT_MP3_8K) {
      return mp3(body, 1);
    }
    if (format == FORMAT_EX_HEADER) {
      return enhanced(body, b0 & 0x0F);
    }
    int legacyChannels = (b0 & 0x01) + 1;
    return new AudioTagInfo("flv-audio-" + format, PacketKind.CODED, 0, legacyChannels);
  }

  private static AudioTagInfo enhanced(Payload body, int packetType) {
    if (body.length() < 5) {
      throw new FlvFormatException("enhanced audio tag body of " + body.length() + " bytes is shorter than its 5-byte header");
    }
    String fourCc = new String(new byte[] {body.get(1), body.get(2), body.get(3), body.get(4)}, StandardCharsets.US_ASCII);
    String codec = switch (fourCc) {
      case "mp4a" -> "aac";
      case ".mp3" -> "mp3";
      case "Opus" -> "opus";
      case "fLaC" -> "flac";
      case "ac-3" -> "ac3";
      case "ec-3" -> "eac3";
      default -> fourCc.replaceAll("[^A-Za-z0-9]", "_");
    };
    // AudioPacketType (enhanced RTMP v2): 0 SequenceStart, 1 CodedFrames, 2 SequenceEnd.
    return switch (packetType) {
      case 0 -> "aac".equals(codec) ? aacConfig(body, 5) : new AudioTagInfo(codec, PacketKind.SEQUENCE_HEADER, 0, 0);
      case 1 -> "mp3".equals(codec) ? mp3(body, 5) : new AudioTagInfo(codec, PacketKind.CODED, 0, 0);
      case 2 -> new AudioTagInfo(codec, PacketKind.END_OF_SEQUENCE, 0, 0);
      default -> new AudioTagInfo(codec, PacketKind.OTHER, 0, 0);
    };
  }

  /** AudioSpecificConfig: 5-bit object type (31 = escape), 4-bit frequency index (15 = explicit 24-bit), 4-bit channels. */
  private static AudioTagInfo aacConfig(Payload body, int at) {
    BitReader r = new BitReader(body, at);
    if (!r.has(9)) {
      return new AudioTagInfo("aac", PacketKind.SEQUENCE_HEADER, 0, 0);
    }
    int objectType = r.bits(5);
    if (objectType == 31 && r.has(6)) {
      r.bits(6);
    }
    int rate = 0;
    if (r.has(4)) {
      int index = r.bits(4);
      if (index == 15) {
        rate = r.has(24) ? r.bits(24) : 0;
      } else if (index < AAC_RATES.length) {
        rate = AAC_RATES[index];
      }
    }
    int channels = r.has(4) ? r.bits(4) : 0;
    return new AudioTagInfo("aac", PacketKind.SEQUENCE_HEADER, rate, channels == 7 ? 8 : channels);
  }

  /** MPEG audio frame header: 11-bit sync, version, layer, bitrate, sample-rate index, channel mode. */
  private static AudioTagInfo mp3(Payload body, int at) {
    if (body.length() < at + 4 || (body.get(at) & 0xFF) != 0xFF || (body.get(at + 1) & 0xE0) != 0xE0) {
      return new AudioTagInfo("mp3", PacketKind.CODED, 0, 0);
    }
    int version = (body.get(at + 1) >>> 3) & 0x03;
    int rateIndex = (body.get(at + 2) >>> 2) & 0x03;
    int mode = (body.get(at + 3) >>> 6) & 0x03;
    int rate = rateIndex < 3 ? MP3_RATES[version][rateIndex] : 0;
    return new AudioTagInfo("mp3", PacketKind.CODED, rate, mode == 3 ? 1 : 2);
  }
}
