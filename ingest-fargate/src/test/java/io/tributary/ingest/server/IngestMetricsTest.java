package io.tributary.ingest.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IngestMetricsTest {
  @Test
  void activePublishersIsOneEmfRecordWithOnlyTheServiceDimension() throws Exception {
    IngestMetrics m = new IngestMetrics();
    m.publishers.set(3);
    JsonNode line = new ObjectMapper().readTree(m.activePublishersEmf(1_000L));
    assertEquals(1, line.at("/_aws/CloudWatchMetrics/0/Dimensions/0").size(), line.toString());
    assertEquals("ingest", line.get("Service").asText());
    assertEquals(3, line.get("ActivePublishers").asInt());
    assertEquals("Count", line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText());
  }
}
