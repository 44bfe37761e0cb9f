package io.tributary.ingest.chunk;

import io.tributary.ingest.message.Abort;
import io.tributary.ingest.message.Acknowledgement;
import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.DataMessage;
import io.tributary.ingest.message.Payload;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.SetChunkSize;
import io.tributary.ingest.message.SetPeerBandwidth;
import io.tributary.ingest.message.UnknownMessage;
import io.tributary.ingest.message.UserControl;
import io.tributary.ingest.message.VideoMessage;
import io.tributary.ingest.message.WindowAckSize;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one case table shared by the decoder and encoder tests: (name, record, bytes) for a fresh
 * connection at the default chunk size 128. Bytes are spelled out from the spec's layouts
 * (5.3.1 chunk headers, 5.4 / 7.1 bodies, AMF0) independently of the production writers.
 */
final class ChunkCases {
  record Case(String name, RtmpMessage message, String hex) {
    byte[] bytes() {
      return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private ChunkCases() {}

  static List<Case> all() {
    byte[] video300 = pattern(300, 7);
    byte[] video200 = pattern(200, 3);
    byte[] audio9 = pattern(9, 5);
    Map<String, Object> connectObj = new LinkedHashMap<>();
    connectObj.put("app", "live");
    connectObj.put("type", "nonprivate");
    connectObj.put("flashVer", "FMLE/3.0 (compatible; FMSc/1.0)");
    connectObj.put("tcUrl", "rtmp://127.0.0.1:1935/live");
    String connectBody = str("connect") + num(1) + "03"
        + key("app") + str("live")
        + key("type") + str("nonprivate")
        + key("flashVer") + str("FMLE/3.0 (compatible; FMSc/1.0)")
        + key("tcUrl") + str("rtmp://127.0.0.1:1935/live")
        + "000009";
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("width", 160.0);
    meta.put("videocodecid", 7.0);
    meta.put("stereo", true);
    String metaBody = str("@setDataFrame") + str("onMetaData") + "03"
        + key("width") + num(160) + key("videocodecid") + num(7) + key("stereo") + "0101" + "000009";
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("level", "status");
    status.put("code", "NetStream.Publish.Start");
    String statusBody = str("onStatus") + num(0) + "05" + "03"
        + key("level") + str("status") + key("code") + str("NetStream.Publish.Start") + "000009";
    return List.of(
        new Case("set chunk size", new SetChunkSize(0, 0, 4096),
            "02" + "000000" + "000004" + "01" + "00000000" + "00001000"),
        new Case("abort", new Abort(0, 0, 6), "02" + "000000" + "000004" + "02" + "00000000" + "00000006"),
        new Case("acknowledgement", new Acknowledgement(0, 0, 0xFFFFFFF0L),
            "02" + "000000" + "000004" + "03" + "00000000" + "fffffff0"),
        new Case("window ack size", new WindowAckSize(0, 0, 2_500_000),
            "02" + "000000" + "000004" + "05" + "00000000" + "002625a0"),
        new Case("set peer bandwidth", new SetPeerBandwidth(0, 0, 2_500_000, 2),
            "02" + "000000" + "000005" + "06" + "00000000" + "002625a0" + "02"),
        new Case("stream begin", new UserControl(0, 0, UserControl.STREAM_BEGIN, 1, -1),
            "02" + "000000" + "000006" + "04" + "00000000" + "0000" + "00000001"),
        new Case("set buffer length", new UserControl(0, 0, UserControl.SET_BUFFER_LENGTH, 1, 3000),
            "02" + "000000" + "00000a" + "04" + "00000000" + "0003" + "00000001" + "00000bb8"),
        new Case("ping request", new UserControl(0, 0, UserControl.PING_REQUEST, 123456, -1),
            "02" + "000000" + "000006" + "04" + "00000000" + "0006" + "0001e240"),
        new Case("connect in two chunks", new Command(0, 0, "connect", 1, List.of(connectObj)),
            chunked("03" + "000000" + len(connectBody) + "14" + "00000000", connectBody, "c3")),
        new Case("createStream", new Command(0, 0, "createStream", 4, Arrays.asList((Object) null)),
            "03" + "000000" + len(str("createStream") + num(4) + "05") + "14" + "00000000"
                + str("createStream") + num(4) + "05"),
        new Case("publish on stream 1", new Command(1, 0, "publish", 5, Arrays.asList(null, "key", "live")),
            "05" + "000000" + len(str("publish") + num(5) + "05" + str("key") + str("live")) + "14" + "01000000"
                + str("publish") + num(5) + "05" + str("key") + str("live")),
        new Case("onStatus Publish.Start", new Command(1, 0, "onStatus", 0, Arrays.asList(null, status)),
            "05" + "000000" + len(statusBody) + "14" + "01000000" + statusBody),
        new Case("@setDataFrame onMetaData", new DataMessage(1, 0, List.of("@setDataFrame", "onMetaData", meta)),
            "05" + "000000" + len(metaBody) + "12" + "01000000" + metaBody),
        new Case("audio", new AudioMessage(1, 40, Payload.wrap(audio9)),
            "06" + "000028" + "000009" + "08" + "01000000" + hex(audio9)),
        new Case("empty audio", new AudioMessage(1, 41, Payload.EMPTY), "06" + "000029" + "000000" + "08" + "01000000"),
        new Case("video in three chunks", new VideoMessage(1, 1000, Payload.wrap(video300)),
            chunked("07" + "0003e8" + "00012c" + "09" + "01000000", hex(video300), "c7")),
        new Case("video at 0xFFFFFF uses the extended timestamp", new VideoMessage(1, 0xFFFFFF, Payload.wrap(video200)),
            chunked("07" + "ffffff" + "0000c8" + "09" + "01000000" + "00ffffff", hex(video200), "c7" + "00ffffff")),
        new Case("video past 2^31 ms", new VideoMessage(1, 0xFEDCBA98L, Payload.wrap(audio9)),
            "07" + "ffffff" + "000009" + "09" + "01000000" + "fedcba98" + hex(audio9)),
        new Case("aggregate kept as unknown", new UnknownMessage(1, 5, 22, Payload.wrap(audio9)),
            "08" + "000005" + "000009" + "16" + "01000000" + hex(audio9)));
  }

  /** Splits a body after every 128 bytes, inserting the continuation header. */
  static String chunked(String header, String bodyHex, String continuation) {
    return chunkedAt(header, bodyHex, continuation, 128);
  }

  /** Splits a body after every {@code chunkSize} bytes, inserting the continuation header. */
  static String chunkedAt(String header, String bodyHex, String continuation, int chunkSize) {
    StringBuilder sb = new StringBuilder(header);
    for (int i = 0; i < bodyHex.length(); i += 2 * chunkSize) {
      if (i > 0) {
        sb.append(continuation);
      }
      sb.append(bodyHex, i, Math.min(bodyHex.length(), i + 2 * chunkSize));
    }
    return sb.toString();
  }

  static byte[] pattern(int length, int seed) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static String len(String bodyHex) {
    return String.format("%06x", bodyHex.length() / 2);
  }

  static String str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return "02" + String.format("%04x", b.length) + hex(b);
  }

  static String key(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return String.format("%04x", b.length) + hex(b);
  }

  static String num(double d) {
    return "00" + String.format("%016x", Double.doubleToLongBits(d));
  }
}
