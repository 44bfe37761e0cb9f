package io.tributary.ingest.message;

/** Any other type id (shared object, aggregate, AMF3 shared object): kept so the session can log and ignore it. */
public record UnknownMessage(int streamId, long timestamp, int typeId, Payload data) implements RtmpMessage {}
