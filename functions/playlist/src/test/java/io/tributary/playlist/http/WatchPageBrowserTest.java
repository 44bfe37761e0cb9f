package io.tributary.playlist.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import io.tributary.playlist.PlaylistServer;
import io.tributary.playlist.media.CmafFixture;
import io.tributary.playlist.media.LiveFeed;
import io.tributary.playlist.service.PlaylistConfig;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * hls.js and dash.js from the watch page, in the machine's headless Chromium, play a live stream
 * for at least 10 s without a fatal error. The stream is live for real: CMAF segments made by
 * ffmpeg are uploaded and indexed one every 2 s while the player runs, as the transcoder would.
 * Skipped (with the reason) when /usr/bin/chromium or /usr/bin/chromedriver is absent; never
 * downloads a browser.
 */
@ExtendWith(LocalAwsExtension.class)
class WatchPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final double PLAY_SECONDS = 10.0;
  private static final int GAP_SEQ = 6;
  private static ApplicationContext server;
  private static URI base;

  @BeforeAll
  static void start(LocalAws aws) {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "no headless Chromium here: install the Debian packages chromium and chromium-driver");
    Map<String, String> env = new HashMap<>(aws.env());
    env.put(PlaylistConfig.ENV_PORT, "0");
    server = PlaylistServer.start(env);
    base = server.getBean(EmbeddedServer.class).getURI();
    CmafFixture.rungs(); // encode before the clock starts
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hls", "dash", "dash-gap"})
  void playsALiveStreamForTenSeconds(String variant, LocalAws aws) throws Exception {
    // dash-gap: seq GAP_SEQ fails for good mid-stream; the MPD must never send dash.js after it.
    boolean gap = variant.endsWith("-gap");
    String player = gap ? variant.substring(0, variant.length() - 4) : variant;
    String streamId = StreamId.random().value();
    long started = System.currentTimeMillis() - 3 * CmafFixture.SEGMENT_MS;
    String sessionId = SessionId.startingAt(Instant.ofEpochMilli(started)).value();
    LiveFeed feed = new LiveFeed(aws.clients().s3(), aws.clients().dynamo(), aws.names(), streamId, sessionId, started);
    feed.begin(false, 0);
    for (int i = 0; i < 3; i++) {
      feed.publish(i, false);
    }
    ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
    for (int i = 3; i < CmafFixture.SEGMENTS; i++) {
      int seq = i;
      // Segment seq is complete (and transcoded) at the end of its 2 s, like the real pipeline.
      long due = started + (seq + 1) * CmafFixture.SEGMENT_MS + 300 - System.currentTimeMillis();
      Runnable publish = gap && seq == GAP_SEQ ? () -> feed.publishGap(seq)
          : () -> feed.publish(seq, seq == CmafFixture.SEGMENTS - 1);
      feeder.schedule(publish, Math.max(0, due), TimeUnit.MILLISECONDS);
    }
    Path profile = Files.createTempDirectory("chromium-profile-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--autoplay-policy=no-user-gesture-required", "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
      driver.get(base.resolve("/watch/" + streamId + "?player=" + player).toString());
      JavascriptExecutor js = driver;
      js.executeScript("performance.setResourceTimingBufferSize(5000);");
      double firstPlaying = -1;
      double now = 0;
      long deadline = System.currentTimeMillis() + 40_000;
      while (System.currentTimeMillis() < deadline) {
        Object fatal = js.executeScript("return window.tributary && window.tributary.fatal;");
        assertNull(fatal, player + " fatal error: " + fatal + " errors="
            + js.executeScript("return JSON.stringify(window.tributary.errors);"));
        now = ((Number) js.executeScript("return document.getElementById('video').currentTime;")).doubleValue();
        if (now > 0 && firstPlaying < 0) {
          firstPlaying = now;
        }
        if (firstPlaying >= 0 && now - firstPlaying >= PLAY_SECONDS && (!gap || requested(js, GAP_SEQ + 2) > 0)) {
          break;
        }
        Thread.sleep(500);
      }
      Object errors = js.executeScript("return JSON.stringify(window.tributary.errors);");
      if (gap) {
        Object asked = js.executeScript("return performance.getEntriesByType('resource').map(e => e.name)"
            + ".filter(n => n.includes('/' + arguments[0] + '.m4s'));", GAP_SEQ);
        assertEquals(List.of(), asked, "the player requested the failed segment " + GAP_SEQ);
        assertTrue(requested(js, GAP_SEQ + 2) > 0, "the player went on past the gap to seq " + (GAP_SEQ + 2));
      }
      assertTrue(firstPlaying >= 0 && now - firstPlaying >= PLAY_SECONDS, player + " played from " + firstPlaying
          + " to " + now + " s; player errors: " + errors);
    } finally {
      driver.quit();
      feeder.shutdownNow();
    }
  }

  /** Requests the page made for segment {@code seq} of any rendition (Resource Timing). */
  private static int requested(JavascriptExecutor js, int seq) {
    return ((Number) js.executeScript("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/' + arguments[0] + '.m4s')).length;", seq)).intValue();
  }
}
