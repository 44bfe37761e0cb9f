package io.tributary.ingest.server;

import io.tributary.ingest.sink.Uploader;
import io.tributary.ingest.streams.HealthHistory;
import io.tributary.ingest.streams.StreamRepository;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/** What every connection shares: configuration, stores, the upload machinery, counters, and the pools for blocking calls. */
record IngestServices(IngestConfig config, StreamRepository repo, Uploader uploader, IngestMetrics metrics,
                      LiveRegistry registry, PublishAuthorizer authorizer, ExecutorService blocking,
                      ScheduledExecutorService timers, HealthHistory history) {}
