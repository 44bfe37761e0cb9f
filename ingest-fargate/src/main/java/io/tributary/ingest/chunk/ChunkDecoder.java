package io.tributary.ingest.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.tributary.ingest.message.Abort;
import io.tributary.ingest.message.Acknowledgement;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.RtmpProtocolException;
import io.tributary.ingest.message.SetChunkSize;
import io.tributary.ingest.message.WindowAckSize;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chunk stream decoder (RTMP spec 5.3): bytes after the handshake in, complete
 * {@link RtmpMessage}s out. Holds per-chunk-stream header state for all four header formats,
 * 1-3 byte basic headers (chunk stream ids 2..65599) and extended timestamps.
 *
 * <p>Chunk payload bytes are copied straight from the socket buffer into a per-message array
 * allocated once at the message's first chunk, and that array becomes the media
 * {@link io.tributary.ingest.message.Payload}: one copy per byte. Partial chunks are consumed as
 * they arrive, so the cumulation buffer only ever holds a split header.
 *
 * <p>Protocol control acts here, never in the session (5.4): the peer's Set Chunk Size changes
 * decoding, Abort drops the partial message, Window Acknowledgement Size makes this handler
 * write an {@link Acknowledgement} each time that many bytes have arrived. The control messages
 * are still passed on for logging.
 *
 * <p>Any violation throws {@link RtmpProtocolException} naming the numbers and closes the
 * channel; the rest of that connection's input is discarded.
 */
public final class ChunkDecoder extends ByteToMessageDecoder {
  static final int DEFAULT_CHUNK_SIZE = 128;
  private static final int[] MESSAGE_HEADER_LENGTH = {11, 7, 3, 0};
  private static final int EXTENDED = 0xFFFFFF;

  private final RtmpLimits limits;
  private final ChunkStream[] lowStreams = new ChunkStream[64];
  private Map<Integer, ChunkStream> highStreams;
  private int streamCount;
  private int chunkSize = DEFAULT_CHUNK_SIZE;
  /** The chunk stream whose chunk payload is being read, or null when a chunk header is next. */
  private ChunkStream current;
  private int chunkRemaining;
  private long pendingBytes;
  private long received;
  private long lastAcknowledged;
  private long ackWindow;
  private boolean failed;

  public ChunkDecoder(RtmpLimits limits) {
    this.limits = limits;
  }

  /** The peer's current chunk size. */
  public int peerChunkSize() {
    return chunkSize;
  }

  /** Bytes received by this layer so far (the Acknowledgement sequence number before 2^32 wrap). */
  public long bytesReceived() {
    return received;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof ByteBuf buf) {
      received += buf.readableBytes();
    }
    super.channelRead(ctx, msg);
    // Acknowledgement (5.4.3): after each window of bytes; the sequence number wraps at 2^32.
    if (ackWindow > 0 && !failed && received - lastAcknowledged >= ackWindow) {
      lastAcknowledged = received;
      ctx.writeAndFlush(new Acknowledgement(0, 0, received & 0xFFFFFFFFL));
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof RtmpProtocolException) {
      ctx.close();
    }
    ctx.fireExceptionCaught(cause);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      while (in.isReadable()) {
        if (current == null && !readHeader(in)) {
          return;
        }
        ChunkStream cs = current;
        int n = Math.min(chunkRemaining, in.readableBytes());
        if (n > 0) {
          in.readBytes(cs.buffer, cs.filled, n);
          cs.filled += n;
          chunkRemaining -= n;
        }
        if (chunkRemaining > 0) {
          return;
        }
        current = null;
        if (cs.filled == cs.length) {
          out.add(complete(cs));
        }
      }
    } catch (RtmpProtocolException e) {
      failed = true;
      current = null;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  /**
   * Parses one chunk header if all of it is readable (else leaves the reader index alone and
   * returns false), updates the chunk stream state and makes it {@link #current}.
   */
  private boolean readHeader(ByteBuf in) {
    int start = in.readerIndex();
    int readable = in.readableBytes();
    int b0 = in.getUnsignedByte(start);
    int fmt = b0 >>> 6;
    int csid = b0 & 0x3F;
    int pos = start + 1;
    // Basic header (5.3.1.1): ids 0 and 1 announce 2- and 3-byte forms.
    if (csid == 0) {
      if (readable < 2) {
        return false;
      }
      csid = 64 + in.getUnsignedByte(pos);
      pos += 1;
    } else if (csid == 1) {
      if (readable < 3) {
        return false;
      }
      csid = 64 + in.getUnsignedByte(pos) + (in.getUnsignedByte(pos + 1) << 8);
      pos += 2;
    }
    int headerEnd = pos + MESSAGE_HEADER_LENGTH[fmt];
    if (headerEnd - start > readable) {
      return false;
    }
    ChunkStream cs = stream(csid, fmt);
    boolean continuation = fmt == 3 && cs.inProgress();
    if (fmt != 3 && cs.inProgress()) {
      // 5.3.1.2: only type 3 chunks may follow the first chunk of a message on its chunk stream.
      throw RtmpProtocolException.of(
          "chunk stream %d: fmt %d header while %d of %d bytes of the previous message are still expected",
          csid, fmt, cs.length - cs.filled, cs.length);
    }
    long field = fmt < 3 ? in.getUnsignedMedium(pos) : (cs.extended ? EXTENDED : cs.delta);
    boolean extended = field == EXTENDED;
    long extendedValue = 0;
    int end = headerEnd;
    if (continuation) {
      // 5.3.1.3: a type 3 continuation repeats the extended timestamp; some encoders (older
      // librtmp, some hardware) omit it. Take the 4 bytes only when they repeat the value.
      if (cs.extended) {
        if (readable < headerEnd - start + 4) {
          return false;
        }
        if (in.getUnsignedInt(headerEnd) == cs.extendedValue) {
          end += 4;
        }
      }
    } else if (extended) {
      if (readable < headerEnd - start + 4) {
        return false;
      }
      extendedValue = in.getUnsignedInt(headerEnd);
      end += 4;
    }
    // Everything is readable: commit.
    if (!continuation) {
      long value = extended ? extendedValue : field;
      switch (fmt) {
        case 0 -> {
          cs.timestamp = value;
          cs.length = in.getUnsignedMedium(pos + 3);
          cs.typeId = in.getUnsignedByte(pos + 6);
          cs.messageStreamId = in.getIntLE(pos + 7);
          cs.started = true;
        }
        case 1 -> {
          cs.timestamp = (cs.timestamp + value) & 0xFFFFFFFFL;
          cs.length = in.getUnsignedMedium(pos + 3);
          cs.typeId = in.getUnsignedByte(pos + 6);
        }
        default -> cs.timestamp = (cs.timestamp + value) & 0xFFFFFFFFL; // fmt 2, or 3 starting a message
      }
      cs.delta = value;
      cs.extended = extended;
      cs.extendedValue = extendedValue;
      startMessage(cs);
    }
    in.readerIndex(end);
    current = cs;
    chunkRemaining = Math.min(chunkSize, cs.length - cs.filled);
    return true;
  }

  private void startMessage(ChunkStream cs) {
    if (cs.length > limits.maxMessageSize()) {
      throw RtmpProtocolException.of(
          "chunk stream %d: message type %d of %d bytes exceeds the limit of %d bytes",
          cs.id, cs.typeId, cs.length, limits.maxMessageSize());
    }
    if (pendingBytes + cs.length > limits.maxPendingBytes()) {
      throw RtmpProtocolException.of(
          "chunk stream %d: message of %d bytes on top of %d bytes of unfinished messages exceeds %d bytes",
          cs.id, cs.length, pendingBytes, limits.maxPendingBytes());
    }
    pendingBytes += cs.length;
    cs.buffer = new byte[cs.length];
    cs.filled = 0;
  }

  private ChunkStream stream(int csid, int fmt) {
    ChunkStream cs = csid < lowStreams.length ? lowStreams[csid] : highStreams == null ? null : highStreams.get(csid);
    if (cs == null) {
      if (fmt != 0) {
        throw RtmpProtocolException.of("chunk stream %d: fmt %d header without a previous fmt 0 header", csid, fmt);
      }
      if (streamCount >= limits.maxChunkStreams()) {
        throw RtmpProtocolException.of(
            "chunk stream %d would be stream number %d, more than the limit of %d",
            csid, streamCount + 1, limits.maxChunkStreams());
      }
      streamCount++;
      cs = new ChunkStream(csid);
      if (csid < lowStreams.length) {
        lowStreams[csid] = cs;
      } else {
        if (highStreams == null) {
          highStreams = new HashMap<>();
        }
        highStreams.put(csid, cs);
      }
    }
    return cs;
  }

  private RtmpMessage complete(ChunkStream cs) {
    byte[] body = cs.buffer;
    cs.buffer = null;
    pendingBytes -= cs.length;
    RtmpMessage message = MessageReader.read(cs.typeId, cs.messageStreamId, cs.timestamp, body, limits.maxAmfDepth());
    if (message instanceof SetChunkSize m) {
      setChunkSize(m.chunkSize());
    } else if (message instanceof Abort m) {
      abort(m.chunkStreamId());
    } else if (message instanceof WindowAckSize m) {
      ackWindow = m.windowSize();
    }
    return message;
  }

  private void setChunkSize(int size) {
    // 5.4.1: the most significant bit must be zero; a chunk size of 0 could never make progress.
    if (size <= 0 || size > limits.maxPeerChunkSize()) {
      throw RtmpProtocolException.of(
          "Set Chunk Size %d (0x%08x) is outside 1..%d", size & 0xFFFFFFFFL, size, limits.maxPeerChunkSize());
    }
    chunkSize = size;
  }

  private void abort(int csid) {
    ChunkStream cs = csid >= 0 && csid < lowStreams.length ? lowStreams[csid] : highStreams == null ? null : highStreams.get(csid);
    if (cs != null && cs.inProgress()) {
      pendingBytes -= cs.length;
      cs.buffer = null;
      cs.filled = 0;
    }
  }
}
