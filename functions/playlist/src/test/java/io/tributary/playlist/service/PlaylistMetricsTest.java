package io.tributary.playlist.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlaylistMetricsTest {
  @Test
  void prometheusTextCountsByKindAndStatus() {
    PlaylistMetrics m = new PlaylistMetrics();
    m.manifest("master", 200, 1_000_000);
    m.manifest("master", 200, 1_000_000);
    m.manifest("media", 404, 1_000_000);
    String text = m.prometheus();
    assertTrue(text.contains("tributary_playlist_requests_total{kind=\"master\",status=\"200\"} 2\n"), text);
    assertTrue(text.contains("tributary_playlist_requests_total{kind=\"media\",status=\"404\"} 1\n"), text);
    assertTrue(text.contains("tributary_playlist_render_seconds_count 3\n"), text);
  }

  @Test
  void raisedTargetDurationsAreCounted() {
    PlaylistMetrics m = new PlaylistMetrics();
    assertTrue(m.prometheus().contains("tributary_playlist_target_raised_total 0\n"));
    m.targetRaised();
    assertTrue(m.prometheus().contains("tributary_playlist_target_raised_total 1\n"), m.prometheus());
  }

  @Test
  void inLambdaEachManifestIsOneEmfLine() throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      new PlaylistMetrics(true).manifest("mpd", 200, 2_500_000);
    } finally {
      System.setOut(old);
    }
    JsonNode line = new ObjectMapper().readTree(buf.toString(StandardCharsets.UTF_8).strip());
    assertTrue(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText().equals("Tributary"), line.toString());
    assertTrue(line.get("Kind").asText().equals("mpd") && line.get("ManifestRenderMs").asDouble() == 2.5, line.toString());
  }

  @Test
  void liveEdgeAgeIsAGaugeAndAnEmfLineWithOnlyTheServiceDimension() throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    PlaylistMetrics m = new PlaylistMetrics(true);
    try {
      m.liveEdgeAge(3.25);
    } finally {
      System.setOut(old);
    }
    JsonNode line = new ObjectMapper().readTree(buf.toString(StandardCharsets.UTF_8).strip());
    assertTrue(line.at("/_aws/CloudWatchMetrics/0/Dimensions/0").size() == 1, line.toString());
    assertTrue(line.get("Service").asText().equals("playlist") && line.get("ManifestAgeSeconds").asDouble() == 3.25,
        line.toString());
    assertTrue(m.prometheus().contains("tributary_playlist_live_edge_age_seconds 3.25\n"), m.prometheus());
  }
}
