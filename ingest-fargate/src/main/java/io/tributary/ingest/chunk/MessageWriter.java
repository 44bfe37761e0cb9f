package io.tributary.ingest.chunk;

import io.netty.buffer.ByteBuf;
import io.tributary.ingest.amf0.Amf0Writer;
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

/** The inverse of {@link MessageReader}: a record's message body (spec 5.4, 7.1). */
final class MessageWriter {
  private MessageWriter() {}

  /** The media payload of a message that has one (written without re-encoding), else null. */
  static Payload payloadOf(RtmpMessage message) {
    if (message instanceof AudioMessage a) {
      return a.data();
    } else if (message instanceof VideoMessage v) {
      return v.data();
    } else if (message instanceof UnknownMessage u) {
      return u.data();
    }
    return null;
  }

  /** Writes the body of a message that has no {@link #payloadOf payload}. */
  static void writeBody(RtmpMessage message, ByteBuf out) {
    if (message instanceof SetChunkSize m) {
      if (m.chunkSize() < 1) {
        throw new IllegalArgumentException("Set Chunk Size must be in 1..2^31-1 (5.4.1), got " + m.chunkSize());
      }
      out.writeInt(m.chunkSize());
    } else if (message instanceof Abort m) {
      out.writeInt(m.chunkStreamId());
    } else if (message instanceof Acknowledgement m) {
      out.writeInt((int) m.sequenceNumber());
    } else if (message instanceof WindowAckSize m) {
      out.writeInt((int) m.windowSize());
    } else if (message instanceof SetPeerBandwidth m) {
      out.writeInt((int) m.windowSize());
      out.writeByte(m.limitType());
    } else if (message instanceof UserControl m) {
      out.writeShort(m.eventType());
      if (m.value() >= 0) {
        out.writeInt((int) m.value());
        if (m.value2() >= 0) {
          out.writeInt((int) m.value2());
        }
      }
    } else if (message instanceof Command m) {
      Amf0Writer.write(out, m.name());
      Amf0Writer.write(out, m.transactionId());
      Amf0Writer.writeAll(out, m.arguments());
    } else if (message instanceof DataMessage m) {
      Amf0Writer.writeAll(out, m.values());
    } else {
      throw new IllegalArgumentException("no body writer for " + message.getClass().getSimpleName());
    }
  }
}
