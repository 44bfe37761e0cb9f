package io.tributary.ingest.message;

import io.netty.handler.codec.DecoderException;

/**
 * The one exception of the RTMP protocol boundary (handshake, chunk stream, AMF0): the peer sent
 * something the spec or our configured limits do not allow. The message names the offending
 * values. Handlers that throw it close the channel; other connections are unaffected.
 *
 * <p>Extends {@link DecoderException} so Netty's decoders propagate it unwrapped to
 * {@code exceptionCaught}.
 */
public class RtmpProtocolException extends DecoderException {

  public RtmpProtocolException(String message) {
    super(message);
  }

  public RtmpProtocolException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Formats the message with {@link String#format}, so call sites can name the numbers. */
  public static RtmpProtocolException of(String format, Object... args) {
    return new RtmpProtocolException(String.format(java.util.Locale.ROOT, format, args));
  }
}
