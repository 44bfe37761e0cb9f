package io.tributary.local.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.core.media.FfmpegBinaries;
import io.tributary.core.media.FfmpegLocator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The whole pipeline as {@code ./tributary run} starts it, on free loopback ports: a real
 * ffmpeg publishes RTMP to ingest, workers transcode the chunks, the playlist service serves
 * HLS and DASH, and hls.js and dash.js in headless Chromium play it for 10 s each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {
  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path data;
  private static Launcher launcher;
  private static Map<String, String> urls;
  private static Process publisher;
  private static FfmpegBinaries ff;

  @BeforeAll
  static void startPipelineAndPublish() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TRIBUTARY_S3_PORT", "0");
    env.put("TRIBUTARY_SQS_PORT", "0");
    env.put("TRIBUTARY_DYNAMODB_PORT", "0");
    LaunchConfig cfg = new LaunchConfig(data, false, "127.0.0.1", freePort(), freePort(), freePort(), freePort(),
        freePort(), 1);
    launcher = new Launcher();
    urls = launcher.start(cfg, env, REPO);
    ff = FfmpegLocator.binaries();
    // 854x480 source: the default ladder keeps source (remux) + 360p. 2 s GOP, B-frames, AAC.
    publisher = new ProcessBuilder(ff.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-re",
        "-f", "lavfi", "-i", "testsrc2=size=854x480:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", "45", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-bf", "2", "-g", "60",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-f", "flv", urls.get("publish"))
        .redirectErrorStream(true).redirectOutput(data.resolve("publisher.log").toFile()).start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (publisher != null) {
      publisher.destroy();
      publisher.waitFor(10, TimeUnit.SECONDS);
    }
    if (launcher != null) {
      launcher.close();
    }
  }

  @Test
  @Order(1)
  void announcesEveryEndpoint() {
    for (String name : List.of("publish", "watch", "hls", "dash", "api", "token")) {
      assertTrue(urls.containsKey(name), "launcher did not announce " + name + ": " + urls);
    }
    assertTrue(urls.get("publish").matches("rtmp://127\\.0\\.0\\.1:\\d+/live/[A-Za-z0-9_-]{43}"), urls.get("publish"));
  }

  @Test
  @Order(2)
  void hlsAndDashAppearAndFfprobeOpensThem() throws Exception {
    String master = awaitBody(urls.get("hls"), "#EXTINF", Duration.ofSeconds(90), true);
    assertTrue(master.contains("#EXT-X-STREAM-INF"), master);
    assertTrue(master.contains("360p"), "the 480p source gets a 360p rung: " + master);
    String mpd = awaitBody(urls.get("dash"), "<S ", Duration.ofSeconds(30), false);
    assertTrue(mpd.contains("type=\"dynamic\""), mpd);
    for (String url : List.of(urls.get("hls"), urls.get("dash"))) {
      Process probe = new ProcessBuilder(ff.ffprobe().toString(), "-v", "error", "-show_entries",
          "stream=codec_type", "-of", "csv=p=0", url).redirectErrorStream(true).start();
      String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "ffprobe hung on " + url);
      assertEquals(0, probe.exitValue(), "ffprobe " + url + ": " + out);
      assertTrue(out.contains("video") && out.contains("audio"), url + ": " + out);
    }
  }

  @Test
  @Order(3)
  void hlsJsAndDashJsPlayTenSecondsWithoutAFatalError() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
        "Debian chromium + chromium-driver are not installed (./tributary test installs them with apt as root)");
    awaitBody(urls.get("hls"), "#EXTINF", Duration.ofSeconds(90), true);
    ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required",
        "--user-data-dir=" + Files.createTempDirectory(data, "chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      for (String player : List.of("hls", "dash")) {
        driver.get(urls.get("watch") + "?player=" + player);
        double played = playFor(driver, 10, Duration.ofSeconds(60));
        assertTrue(played >= 10, player + " played only " + played + " s");
      }
    } finally {
      driver.quit();
    }
  }

  /** Seconds of media played once {@code target} seconds of progress were seen, failing on a fatal error. */
  private static double playFor(ChromeDriver driver, double target, Duration limit) throws InterruptedException {
    JavascriptExecutor js = driver;
    long deadline = System.nanoTime() + limit.toNanos();
    Double start = null;
    double now = 0;
    while (System.nanoTime() < deadline) {
      Object fatal = js.executeScript("return window.tributary && window.tributary.fatal");
      assertNull(fatal, "player reported a fatal error: " + fatal);
      now = ((Number) js.executeScript("return document.getElementById('video').currentTime")).doubleValue();
      if (start == null && now > 0) {
        start = now;
      }
      if (start != null && now - start >= target) {
        return now - start;
      }
      Thread.sleep(500);
    }
    return start == null ? 0 : now - start;
  }

  private static String awaitBody(String url, String needle, Duration limit, boolean followMaster) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString());
      last = r.statusCode() + " " + r.body();
      if (r.statusCode() == 200) {
        String body = r.body();
        if (followMaster) {
          String media = body.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse(null);
          if (media != null) {
            String mediaBody = HTTP.send(HttpRequest.newBuilder(URI.create(url).resolve(media)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            if (mediaBody.contains(needle)) {
              return body;
            }
          }
        } else if (body.contains(needle)) {
          return body;
        }
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("no '" + needle + "' at " + url + " within " + limit.toSeconds() + " s; last: " + last
        + "\nlogs under " + data.resolve("logs"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
