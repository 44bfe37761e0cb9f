package io.tributary.transcode.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Codecs strings from decoder configuration records, checked against the examples of their specs. */
class CodecStringsTest {
  private static BoxReader reader(String hex) {
    return new BoxReader(HexFormat.of().parseHex(hex.replace(" ", "")));
  }

  @Test
  void avcCHighProfileLevel40() {
    // avcC box: size 0x18, 'avcC', version 1, profile 0x64, compat 0x00, level 0x28, ...
    BoxReader r = reader("00000018 61766343 01 64 00 28 ff e1 0004 67640028 01 0001 68");
    assertEquals("avc1.640028", CodecStrings.video(r, r.top(), "avc1"));
  }

  @Test
  void hvcCMainProfileMatchesTheIsoExample() {
    // ISO/IEC 14496-15 E.3 example 'hvc1.1.6.L93.B0': Main, compat flags 0x60000000, level 93, constraint 0xB0.
    BoxReader r = reader("0000001f 68766343 01 01 60000000 b00000000000 5d f000 fc fd f8 f8 0000 0f 00");
    assertEquals("hvc1.1.6.L93.B0", CodecStrings.video(r, r.top(), "hvc1"));
  }

  @Test
  void hvcCMain10HighTier() {
    // ISO/IEC 14496-15 E.3 example 'hev1.2.4.H120.B0': Main 10, high tier, compat 0x20000000, level 120.
    BoxReader r = reader("0000001f 68766343 01 22 20000000 b00000000000 78 f000 fc fd f8 f8 0000 0f 00");
    assertEquals("hev1.2.4.H120.B0", CodecStrings.video(r, r.top(), "hev1"));
  }

  @Test
  void av1CMainProfileLevel4_0Main8Bit() {
    // av1C: marker|version 0x81, seq_profile 0 | seq_level_idx 8, tier 0, 8-bit -> av01.0.08M.08
    BoxReader r = reader("0000000c 61763143 81 08 0c 00");
    assertEquals("av01.0.08M.08", CodecStrings.video(r, r.top(), "av01"));
  }

  @Test
  void esdsAacLc() {
    // ES_Descriptor(3) > DecoderConfigDescriptor(4, OTI 0x40) > DecoderSpecificInfo(5: 0x1190 = AOT 2, 48 kHz, stereo)
    BoxReader r = reader("00000027 65736473 00000000 03 19 0001 00 04 11 40 15 000000 0001f400 0001f400 05 02 1190 06 01 02");
    assertEquals("mp4a.40.2", CodecStrings.audio(r, r.top(), "mp4a"));
  }

  @Test
  void unknownEntriesFallBackToTheirFourcc() {
    BoxReader r = reader("00000008 62747274");
    assertEquals("vp09", CodecStrings.video(r, r.top(), "vp09"));
    assertEquals("Opus", CodecStrings.audio(r, r.top(), "Opus"));
  }
}
