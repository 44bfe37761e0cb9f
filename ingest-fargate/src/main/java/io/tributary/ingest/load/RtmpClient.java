package io.tributary.ingest.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tributary.ingest.amf0.Amf0Reader;
import io.tributary.ingest.amf0.Amf0Writer;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small blocking RTMP publisher: plain handshake (5.2), Set Chunk Size, connect / createStream /
 * publish (7.2), then raw media writes. It reads the server's chunk stream only as far as the
 * publish flow needs. Used by the load tool and by the tests that need byte-level control
 * (absurd chunk size, second publisher, wrong key). Not thread-safe.
 */
public final class RtmpClient implements AutoCloseable {
  public static final int CHUNK_SIZE = 4096;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private int inChunkSize = 128;
  private int outChunkSize = 128;
  private double txn = 1;
  private final Map<Integer, Header> inHeaders = new HashMap<>();
  private final Map<Integer, ByteBuf> partial = new HashMap<>();

  /** A message read from the server. */
  public record Message(int typeId, int streamId, byte[] body) {
    public List<Object> amf0() {
      return Amf0Reader.readAll(body, 16);
    }
  }

  private static final class Header {
    int length;
    int typeId;
    int streamId;
    boolean extended;
  }

  private RtmpClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** TCP connect and the plain handshake: C0+C1, read S0+S1+S2, send C2 (echo of S1). */
  public static RtmpClient open(String host, int port, Duration timeout) throws IOException {
    // A channel's socket, so the load tool can switch it to non-blocking writes after the publish flow.
    Socket s = java.nio.channels.SocketChannel.open().socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
    s.setSoTimeout((int) timeout.toMillis());
    RtmpClient c = new RtmpClient(s);
    byte[] c1 = new byte[1536];
    ThreadLocalRandom.current().nextBytes(c1);
    Arrays.fill(c1, 0, 8, (byte) 0);
    c.out.write(3);
    c.out.write(c1);
    c.out.flush();
    byte[] s0s1s2 = c.in.readNBytes(1 + 1536 + 1536);
    if (s0s1s2.length < 3073 || s0s1s2[0] != 3) {
      s.close();
      throw new IOException("bad handshake reply (" + s0s1s2.length + " bytes)");
    }
    c.out.write(s0s1s2, 1, 1536);
    c.out.flush();
    return c;
  }

  public Socket socket() {
    return socket;
  }

  public OutputStream output() {
    return out;
  }

  public int outChunkSize() {
    return outChunkSize;
  }

  /** Announces our chunk size (5.4.1); any value, so tests can send absurd ones. */
  public void setChunkSize(int size) throws IOException {
    ByteBuf b = Unpooled.buffer(4).writeInt(size);
    out.write(RtmpWire.message(2, 1, 0, 0, ByteBufUtil.getBytes(b), outChunkSize));
    out.flush();
    outChunkSize = size;
  }

  /** connect(app); returns the server's _result information object code. */
  public String connect(String app, String tcUrl) throws IOException {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("app", app);
    obj.put("type", "nonprivate");
    obj.put("flashVer", "FMLE/3.0 (compatible; tributary-load)");
    obj.put("tcUrl", tcUrl);
    command(0, "connect", obj);
    Message r = awaitCommand("_result", "_error");
    Object info = r.amf0().size() > 3 ? r.amf0().get(3) : null;
    return info instanceof Map<?, ?> m ? String.valueOf(m.get("code")) : "?";
  }

  /** releaseStream, FCPublish, createStream; returns the message stream id. */
  public int createStream(String name) throws IOException {
    command(0, "releaseStream", null, name);
    command(0, "FCPublish", null, name);
    double id = txn;
    command(0, "createStream", (Object) null);
    while (true) {
      Message r = awaitCommand("_result", "_error");
      List<Object> v = r.amf0();
      if (((Double) v.get(1)) == id) {
        return ((Double) v.get(3)).intValue();
      }
    }
  }

  /** publish(name); returns the onStatus code (NetStream.Publish.Start when accepted). */
  public String publish(int streamId, String name) throws IOException {
    command(streamId, "publish", null, name, "live");
    Message r = awaitCommand("onStatus");
    Object info = r.amf0().get(3);
    return info instanceof Map<?, ?> m ? String.valueOf(m.get("code")) : "?";
  }

  /** FCUnpublish + deleteStream, as encoders end a publish. */
  public void unpublish(int streamId, String name) throws IOException {
    command(0, "FCUnpublish", null, name);
    command(0, "deleteStream", null, (double) streamId);
  }

  public void sendMedia(int typeId, int streamId, long timestamp, byte[] body) throws IOException {
    out.write(RtmpWire.message(typeId == 8 ? RtmpWire.CSID_AUDIO : typeId == 9 ? RtmpWire.CSID_VIDEO : RtmpWire.CSID_COMMAND,
        typeId, streamId, timestamp, body, outChunkSize));
  }

  public void flush() throws IOException {
    out.flush();
  }

  private void command(int streamId, String name, Object... args) throws IOException {
    ByteBuf b = Unpooled.buffer();
    List<Object> values = new ArrayList<>();
    values.add(name);
    values.add(txn++);
    values.addAll(Arrays.asList(args));
    Amf0Writer.writeAll(b, values);
    out.write(RtmpWire.message(RtmpWire.CSID_COMMAND, 20, streamId, 0, ByteBufUtil.getBytes(b), outChunkSize));
    out.flush();
    b.release();
  }

  private Message awaitCommand(String... names) throws IOException {
    while (true) {
      Message m = read();
      if (m.typeId() == 20) {
        Object n = m.amf0().get(0);
        for (String want : names) {
          if (want.equals(n)) {
            return m;
          }
        }
      }
    }
  }

  /** Reads the next complete message from the server (5.3.1 headers, fmt 0..3). */
  public Message read() throws IOException {
    while (true) {
      int b0 = readByte();
      int fmt = b0 >>> 6;
      int csid = b0 & 0x3F;
      if (csid == 0) {
        csid = 64 + readByte();
      } else if (csid == 1) {
        csid = 64 + readByte() + readByte() * 256;
      }
      Header h = inHeaders.computeIfAbsent(csid, k -> new Header());
      if (fmt <= 2) {
        int ts = readInt(3);
        if (fmt <= 1) {
          h.length = readInt(3);
          h.typeId = readByte();
          if (fmt == 0) {
            h.streamId = readByte() | readByte() << 8 | readByte() << 16 | readByte() << 24;
          }
        }
        h.extended = ts == 0xFFFFFF;
        if (h.extended) {
          readInt(4);
        }
      } else if (h.extended) {
        readInt(4);
      }
      ByteBuf buf = partial.computeIfAbsent(csid, k -> Unpooled.buffer(h.length));
      int n = Math.min(inChunkSize, h.length - buf.readableBytes());
      buf.writeBytes(in.readNBytes(n));
      if (buf.readableBytes() >= h.length) {
        partial.remove(csid);
        byte[] body = ByteBufUtil.getBytes(buf);
        buf.release();
        if (h.typeId == 1 && body.length >= 4) {
          inChunkSize = ((body[0] & 0x7F) << 24) | ((body[1] & 0xFF) << 16) | ((body[2] & 0xFF) << 8) | (body[3] & 0xFF);
        }
        return new Message(h.typeId, h.streamId, body);
      }
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("server closed the connection");
    }
    return b;
  }

  private int readInt(int bytes) throws IOException {
    int v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | readByte();
    }
    return v;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
