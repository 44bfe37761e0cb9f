package io.tributary.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.core.metrics.EmfLine;
import org.junit.jupiter.api.Test;

class EmfLineTest {
  @Test
  void writesTheEmbeddedMetricFormatEnvelope() throws Exception {
    String json = new EmfLine().dimension("Service", "ingest").metric("ChunkUploadMs", 42, "Milliseconds")
        .property("streamId", "st_x").toJson(1000L);
    JsonNode n = new ObjectMapper().readTree(json);
    assertEquals(1000L, n.at("/_aws/Timestamp").asLong());
    assertEquals("Tributary", n.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
    assertEquals("Service", n.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText());
    assertEquals("ChunkUploadMs", n.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText());
    assertEquals("Milliseconds", n.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText());
    assertEquals(42, n.get("ChunkUploadMs").asInt());
    assertEquals("ingest", n.get("Service").asText());
    assertEquals("st_x", n.get("streamId").asText());
  }
}
