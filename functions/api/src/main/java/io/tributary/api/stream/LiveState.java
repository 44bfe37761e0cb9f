package io.tributary.api.stream;

/** IDLE: never published; LIVE: a publish holds the lease; ENDED: the last publish is over. */
public enum LiveState { IDLE, LIVE, ENDED }
