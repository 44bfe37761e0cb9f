package io.tributary.ingest.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.DataMessage;
import io.tributary.ingest.message.Payload;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.SetChunkSize;
import io.tributary.ingest.message.VideoMessage;

/**
 * Chunk stream encoder (RTMP spec 5.3): each message as one fmt 0 chunk followed by fmt 3
 * continuations of our outgoing chunk size. Header compression (fmt 1/2) is not worth its state
 * for the few replies a server sends. Timestamps at or above 0xFFFFFF use the extended field,
 * repeated on continuations as Flash Media Server and ffmpeg do (5.3.1.3).
 *
 * <p>Before the first message, a Set Chunk Size announces our chunk size when it is not the
 * default 128; a Set Chunk Size written by the session later takes effect after it is sent.
 *
 * <p>Chunk stream ids follow common servers: 2 for protocol control (5.4), 3 for commands and
 * data on stream 0, 5 for those on other streams, 6 audio, 7 video, 8 anything else.
 */
public final class ChunkEncoder extends MessageToByteEncoder<RtmpMessage> {
  private static final int EXTENDED = 0xFFFFFF;
  private final int announcedChunkSize;
  private boolean announced;
  private int chunkSize = ChunkDecoder.DEFAULT_CHUNK_SIZE;

  /** @param chunkSize our outgoing chunk size; 128 sends no Set Chunk Size */
  public ChunkEncoder(int chunkSize) {
    super(RtmpMessage.class, false);
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be positive, got " + chunkSize);
    }
    this.announcedChunkSize = chunkSize;
  }

  /** Our current outgoing chunk size. */
  public int chunkSize() {
    return chunkSize;
  }

  /** Sizes the output for media so a large message is written without the buffer growing. */
  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, RtmpMessage message, boolean preferDirect) {
    Payload payload = MessageWriter.payloadOf(message);
    int length = payload == null ? 256 : payload.length();
    return ctx.alloc().heapBuffer(32 + length + (length / chunkSize + 1) * 8);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, RtmpMessage message, ByteBuf out) {
    if (!announced) {
      announced = true;
      if (announcedChunkSize != chunkSize) {
        writeMessage(new SetChunkSize(0, 0, announcedChunkSize), out);
      }
    }
    writeMessage(message, out);
  }

  private void writeMessage(RtmpMessage message, ByteBuf out) {
    Payload payload = MessageWriter.payloadOf(message);
    if (payload != null) {
      writeChunks(message, payload.array(), 0, payload.length(), out);
    } else {
      ByteBuf body = out.alloc().heapBuffer(64);
      try {
        MessageWriter.writeBody(message, body);
        writeChunks(message, body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes(), out);
      } finally {
        body.release();
      }
    }
    if (message instanceof SetChunkSize m) {
      chunkSize = m.chunkSize();
    }
  }

  private void writeChunks(RtmpMessage message, byte[] body, int offset, int length, ByteBuf out) {
    if (length > RtmpLimits.MAX_MESSAGE_LENGTH_FIELD) {
      throw new IllegalArgumentException("message of " + length + " bytes exceeds the 3-byte length field");
    }
    int csid = chunkStreamId(message);
    long timestamp = message.timestamp() & 0xFFFFFFFFL;
    boolean extended = timestamp >= EXTENDED;
    out.ensureWritable(length + 16 + (length / chunkSize) * 8);
    writeBasicHeader(out, 0, csid);
    out.writeMedium(extended ? EXTENDED : (int) timestamp);
    out.writeMedium(length);
    out.writeByte(message.typeId());
    out.writeIntLE(message.streamId());
    if (extended) {
      out.writeInt((int) timestamp);
    }
    int written = 0;
    do {
      if (written > 0) {
        writeBasicHeader(out, 3, csid);
        if (extended) {
          out.writeInt((int) timestamp);
        }
      }
      int n = Math.min(chunkSize, length - written);
      out.writeBytes(body, offset + written, n);
      written += n;
    } while (written < length);
  }

  /** Basic header (5.3.1.1): 1 byte for ids 2..63, 2 bytes for 64..319, 3 bytes up to 65599. */
  static void writeBasicHeader(ByteBuf out, int fmt, int csid) {
    if (csid < 64) {
      out.writeByte((fmt << 6) | csid);
    } else if (csid < 320) {
      out.writeByte(fmt << 6);
      out.writeByte(csid - 64);
    } else {
      out.writeByte((fmt << 6) | 1);
      out.writeByte((csid - 64) & 0xFF);
      out.writeByte((csid - 64) >>> 8);
    }
  }

  static int chunkStreamId(RtmpMessage message) {
    if (message.typeId() <= 6) {
      return 2;
    } else if (message instanceof Command || message instanceof DataMessage) {
      return message.streamId() == 0 ? 3 : 5;
    } else if (message instanceof AudioMessage) {
      return 6;
    } else if (message instanceof VideoMessage) {
      return 7;
    }
    return 8;
  }
}
