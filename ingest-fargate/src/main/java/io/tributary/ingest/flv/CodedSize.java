package io.tributary.ingest.flv;

import io.tributary.ingest.message.Payload;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The picture size a video sequence header really declares, read from its sequence parameter
 * set: H.264 (ISO/IEC 14496-10 7.3.2.1.1, cropping per 7.4.2.1.1) inside an
 * AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1), H.265 (ITU-T H.265 7.3.2.2.1,
 * conformance window per 7.4.3.2.1) inside an HEVCDecoderConfigurationRecord (14496-15 8.3.3.1).
 * Encoders' onMetaData width/height is optional and sometimes stale (a scaled output announcing the
 * canvas), while the SPS is what every decoder uses, so it wins when it can be read.
 */
public record CodedSize(int width, int height) {
  public CodedSize {
    if (width < 1 || height < 1 || width > 16384 || height > 16384) {
      throw new FlvFormatException("SPS declares an impossible picture size " + width + "x" + height);
    }
  }

  /**
   * The size from a video tag body carrying a sequence header (legacy AVC/HEVC, 5-byte header, or
   * enhanced RTMP SequenceStart, 5-byte header); empty for other codecs or a record that cannot be
   * read (the caller keeps the metadata's size).
   */
  public static Optional<CodedSize> fromSequenceHeader(String codec, Payload body) {
    try {
      if ("avc".equals(codec)) {
        return Optional.of(avc(body, 5));
      }
      if ("hevc".equals(codec)) {
        return Optional.of(hevc(body, 5));
      }
    } catch (FlvFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  static CodedSize avc(Payload body, int at) {
    // AVCDecoderConfigurationRecord: version, profile, compatibility, level, lengthSizeMinusOne,
    // numOfSequenceParameterSets (low 5 bits), then 16-bit length + the first SPS NAL unit.
    if (body.length() < at + 8 || (body.get(at + 5) & 0x1F) == 0) {
      throw new FlvFormatException("AVC configuration record without an SPS");
    }
    int len = u16(body, at + 6);
    BitReader r = new BitReader(rbsp(body, at + 8 + 1, len - 1), 0); // skip the 1-byte NAL header
    int profile = r.bits(8);
    r.skip(16); // constraint flags, level_idc
    r.ue(); // seq_parameter_set_id
    int chroma = 1;
    boolean separatePlanes = false;
    if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44 || profile == 83
        || profile == 86 || profile == 118 || profile == 128 || profile == 138 || profile == 139 || profile == 134
        || profile == 135) {
      chroma = r.ue();
      if (chroma == 3) {
        separatePlanes = r.bits(1) == 1;
      }
      r.ue(); // bit_depth_luma_minus8
      r.ue(); // bit_depth_chroma_minus8
      r.skip(1); // qpprime_y_zero_transform_bypass_flag
      if (r.bits(1) == 1) { // seq_scaling_matrix_present_flag
        for (int i = 0; i < (chroma != 3 ? 8 : 12); i++) {
          if (r.bits(1) == 1) {
            skipScalingList(r, i < 6 ? 16 : 64);
          }
        }
      }
    }
    r.ue(); // log2_max_frame_num_minus4
    int pocType = r.ue();
    if (pocType == 0) {
      r.ue();
    } else if (pocType == 1) {
      r.skip(1);
      r.se();
      r.se();
      int cycle = r.ue();
      for (int i = 0; i < cycle; i++) {
        r.se();
      }
    }
    r.ue(); // max_num_ref_frames
    r.skip(1); // gaps_in_frame_num_value_allowed_flag
    int widthMbs = r.ue() + 1;
    int heightMapUnits = r.ue() + 1;
    int frameMbsOnly = r.bits(1);
    if (frameMbsOnly == 0) {
      r.skip(1); // mb_adaptive_frame_field_flag
    }
    r.skip(1); // direct_8x8_inference_flag
    int width = widthMbs * 16;
    int height = (2 - frameMbsOnly) * heightMapUnits * 16;
    if (r.bits(1) == 1) { // frame_cropping_flag, in crop units (7-19..7-22)
      int left = r.ue();
      int right = r.ue();
      int top = r.ue();
      int bottom = r.ue();
      int arrayType = separatePlanes ? 0 : chroma;
      int cropX = arrayType == 0 ? 1 : (chroma == 3 ? 1 : 2);
      int cropY = (arrayType == 0 ? 1 : (chroma == 1 ? 2 : 1)) * (2 - frameMbsOnly);
      width -= cropX * (left + right);
      height -= cropY * (top + bottom);
    }
    return new CodedSize(width, height);
  }

  static CodedSize hevc(Payload body, int at) {
    // HEVCDecoderConfigurationRecord: 22 fixed bytes, numOfArrays, then per array
    // (completeness, NAL unit type) + numNalus + (16-bit length, NAL unit)*.
    int pos = at + 22;
    int arrays = body.get(pos++) & 0xFF;
    for (int a = 0; a < arrays; a++) {
      int type = body.get(pos) & 0x3F;
      int count = u16(body, pos + 1);
      pos += 3;
      for (int n = 0; n < count; n++) {
        int len = u16(body, pos);
        if (type == 33) { // SPS_NUT
          return hevcSps(rbsp(body, pos + 2 + 2, len - 2)); // skip the 2-byte NAL header
        }
        pos += 2 + len;
      }
    }
    throw new FlvFormatException("HEVC configuration record without an SPS");
  }

  private static CodedSize hevcSps(Payload sps) {
    BitReader r = new BitReader(sps, 0);
    r.skip(4); // sps_video_parameter_set_id
    int maxSubLayersMinus1 = r.bits(3);
    r.skip(1); // sps_temporal_id_nesting_flag
    // profile_tier_level(1, maxSubLayersMinus1), 7.3.3: general part 88 bits + general_level_idc.
    r.skip(88 + 8);
    boolean[] profilePresent = new boolean[maxSubLayersMinus1];
    boolean[] levelPresent = new boolean[maxSubLayersMinus1];
    for (int i = 0; i < maxSubLayersMinus1; i++) {
      profilePresent[i] = r.bits(1) == 1;
      levelPresent[i] = r.bits(1) == 1;
    }
    if (maxSubLayersMinus1 > 0) {
      r.skip(2 * (8 - maxSubLayersMinus1)); // reserved_zero_2bits
    }
    for (int i = 0; i < maxSubLayersMinus1; i++) {
      r.skip((profilePresent[i] ? 88 : 0) + (levelPresent[i] ? 8 : 0));
    }
    r.ue(); // sps_seq_parameter_set_id
    int chroma = r.ue();
    boolean separatePlanes = chroma == 3 && r.bits(1) == 1;
    int width = r.ue();
    int height = r.ue();
    if (r.bits(1) == 1) { // conformance_window_flag, offsets in chroma units (Table 6-1)
      int left = r.ue();
      int right = r.ue();
      int top = r.ue();
      int bottom = r.ue();
      int arrayType = separatePlanes ? 0 : chroma;
      int subW = arrayType == 1 || arrayType == 2 ? 2 : 1;
      int subH = arrayType == 1 ? 2 : 1;
      width -= subW * (left + right);
      height -= subH * (top + bottom);
    }
    return new CodedSize(width, height);
  }

  private static void skipScalingList(BitReader r, int size) {
    int last = 8;
    int next = 8;
    for (int j = 0; j < size; j++) {
      if (next != 0) {
        next = (last + r.se() + 256) % 256;
      }
      last = next == 0 ? last : next;
    }
  }

  /** The NAL unit payload without emulation prevention bytes (00 00 03 → 00 00), H.264 7.4.1. */
  private static Payload rbsp(Payload body, int from, int length) {
    if (length < 1 || from + length > body.length()) {
      throw new FlvFormatException("parameter set of " + length + " bytes runs past its record");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
    int zeros = 0;
    for (int i = from; i < from + length; i++) {
      int b = body.get(i) & 0xFF;
      if (zeros >= 2 && b == 3) {
        zeros = 0;
        continue;
      }
      zeros = b == 0 ? zeros + 1 : 0;
      out.write(b);
    }
    return Payload.wrap(out.toByteArray());
  }

  private static int u16(Payload p, int at) {
    return ((p.get(at) & 0xFF) << 8) | (p.get(at + 1) & 0xFF);
  }
}
