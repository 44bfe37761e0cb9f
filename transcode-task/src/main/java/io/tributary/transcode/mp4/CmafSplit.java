package io.tributary.transcode.mp4;

import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * A fragmented MP4 as ffmpeg writes it, cut into a CMAF header (ftyp + moov, ISO/IEC 23000-19
 * §7.3.1) and a media segment (every moof + mdat pair, in order). The trailing mfra index is
 * dropped: a live segment is addressed by the playlist, never by random access tables.
 */
public record CmafSplit(byte[] init, byte[] media) {
  private static final Set<String> HEADER = Set.of("ftyp", "moov");
  private static final Set<String> MEDIA = Set.of("styp", "moof", "mdat", "prft", "emsg");

  public static CmafSplit of(byte[] file) {
    BoxReader r = new BoxReader(file);
    ByteArrayOutputStream init = new ByteArrayOutputStream();
    ByteArrayOutputStream media = new ByteArrayOutputStream();
    boolean sawMoof = false;
    for (Box b : r.top()) {
      if (HEADER.contains(b.type())) {
        if (sawMoof) {
          throw new Mp4Exception(b.type(), b.offset(), "header box after the first moof");
        }
        init.write(file, b.offset(), b.size());
      } else if (MEDIA.contains(b.type())) {
        sawMoof |= b.type().equals("moof");
        media.write(file, b.offset(), b.size());
      }
    }
    if (init.size() == 0 || !sawMoof) {
      throw new Mp4Exception("moof", 0, "not a fragmented MP4: init " + init.size() + " bytes, moof present=" + sawMoof);
    }
    return new CmafSplit(init.toByteArray(), media.toByteArray());
  }
}
