package io.tributary.ingest.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tributary.ingest.amf0.Amf0Reader;
import io.tributary.ingest.message.Abort;
import io.tributary.ingest.message.Acknowledgement;
import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.DataMessage;
import io.tributary.ingest.message.Payload;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.RtmpProtocolException;
import io.tributary.ingest.message.SetChunkSize;
import io.tributary.ingest.message.SetPeerBandwidth;
import io.tributary.ingest.message.UnknownMessage;
import io.tributary.ingest.message.UserControl;
import io.tributary.ingest.message.VideoMessage;
import io.tributary.ingest.message.WindowAckSize;
import java.util.List;

/** The one type-id switch: a reassembled message body to its {@link RtmpMessage} record (spec 5.4, 7.1). */
final class MessageReader {
  static final int TYPE_DATA_AMF3 = 15;
  static final int TYPE_COMMAND_AMF3 = 17;

  private MessageReader() {}

  /** Takes ownership of {@code body}: media payloads wrap it without a copy. */
  static RtmpMessage read(int typeId, int streamId, long timestamp, byte[] body, int maxAmfDepth) {
    switch (typeId) {
      case SetChunkSize.TYPE:
        return new SetChunkSize(streamId, timestamp, (int) u32(body, typeId, 4));
      case Abort.TYPE:
        return new Abort(streamId, timestamp, (int) u32(body, typeId, 4));
      case Acknowledgement.TYPE:
        return new Acknowledgement(streamId, timestamp, u32(body, typeId, 4));
      case UserControl.TYPE:
        return userControl(streamId, timestamp, body);
      case WindowAckSize.TYPE:
        return new WindowAckSize(streamId, timestamp, u32(body, typeId, 4));
      case SetPeerBandwidth.TYPE:
        return new SetPeerBandwidth(streamId, timestamp, u32(body, typeId, 5), body[4] & 0xFF);
      case AudioMessage.TYPE:
        return new AudioMessage(streamId, timestamp, Payload.wrap(body));
      case VideoMessage.TYPE:
        return new VideoMessage(streamId, timestamp, Payload.wrap(body));
      case DataMessage.TYPE_AMF0:
      case TYPE_DATA_AMF3:
        return new DataMessage(streamId, timestamp, amf(typeId, body, maxAmfDepth));
      case Command.TYPE_AMF0:
      case TYPE_COMMAND_AMF3:
        return command(typeId, streamId, timestamp, amf(typeId, body, maxAmfDepth));
      default:
        return new UnknownMessage(streamId, timestamp, typeId, Payload.wrap(body));
    }
  }

  private static RtmpMessage userControl(int streamId, long timestamp, byte[] body) {
    if (body.length < 2) {
      throw RtmpProtocolException.of("User Control message of %d bytes (at least 2 expected)", body.length);
    }
    int event = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
    long value = body.length >= 6 ? uint(body, 2) : -1;
    long value2 = body.length >= 10 ? uint(body, 6) : -1;
    return new UserControl(streamId, timestamp, event, value, value2);
  }

  private static List<Object> amf(int typeId, byte[] body, int maxAmfDepth) {
    ByteBuf in = Unpooled.wrappedBuffer(body);
    // AMF3 command/data messages (types 17/15) start with a format byte 0 and then, in practice,
    // AMF0 values; a real AMF3 value arrives behind the 0x11 switch marker, which Amf0Reader rejects.
    if ((typeId == TYPE_COMMAND_AMF3 || typeId == TYPE_DATA_AMF3) && in.isReadable() && in.getByte(0) == 0) {
      in.skipBytes(1);
    }
    try {
      return new Amf0Reader(in, maxAmfDepth).readAll();
    } catch (RtmpProtocolException e) {
      throw new RtmpProtocolException("message type " + typeId + " of " + body.length + " bytes: " + e.getMessage(), e);
    }
  }

  private static Command command(int typeId, int streamId, long timestamp, List<Object> values) {
    if (values.size() < 2 || !(values.get(0) instanceof String name) || !(values.get(1) instanceof Double txId)) {
      throw RtmpProtocolException.of(
          "command message type %d must start with a name string and a transaction id number, got %s",
          typeId, values.subList(0, Math.min(2, values.size())));
    }
    return new Command(streamId, timestamp, name, txId, values.subList(2, values.size()));
  }

  private static long u32(byte[] body, int typeId, int expectedLength) {
    if (body.length != expectedLength) {
      throw RtmpProtocolException.of(
          "protocol control message type %d of %d bytes (%d expected)", typeId, body.length, expectedLength);
    }
    return uint(body, 0);
  }

  private static long uint(byte[] b, int at) {
    return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }
}
