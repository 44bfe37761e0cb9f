/**
 * AMF0 (Adobe AMF0 specification) reader and writer on {@code ByteBuf}s: pure, no handlers, used
 * by the chunk layer for command (type 20/17) and data (18/15) messages.
 */
package io.tributary.ingest.amf0;
