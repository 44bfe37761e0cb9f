package io.tributary.ingest.flv;

/** What an audio or video tag body carries, in the terms of both legacy FLV and enhanced RTMP. */
public enum PacketKind {
  /** Decoder configuration (AVCDecoderConfigurationRecord, HEVC/AV1/VP9 config, AudioSpecificConfig). */
  SEQUENCE_HEADER,
  /** Coded media frames. */
  CODED,
  /** End of sequence marker: carries no media. */
  END_OF_SEQUENCE,
  /** Anything else (video command frames, HDR metadata, multitrack we do not split): passed over. */
  OTHER
}
