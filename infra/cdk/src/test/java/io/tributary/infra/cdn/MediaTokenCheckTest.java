package io.tributary.infra.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.core.playback.PlaybackTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CloudFront Function's JavaScript run for real with Node (the runtime's {@code crypto} is
 * Node's API), against tokens issued by core {@code PlaybackTokens}: the Java issuer and the edge
 * check must agree byte for byte. Only the module import differs: CloudFront's {@code import}
 * line is replaced by Node's crypto passed in.
 */
class MediaTokenCheckTest {
  private static final String SECRET = "Zq7Xb2Lr9Kd4Wm1Pn8Tc3Vh6Jf5Gs0Ya2Ue7Io4Rk9Lw3Qx8Ez1Cn6Bv5Mt0Hd"; // as generated: alphanumeric
  private static final PlaybackTokens TOKENS = PlaybackTokens.fromSecret(SECRET);
  private static final String STREAM = "st_abcdefghijklmnopqrst";
  private static final String OTHER = "st_zzzzzzzzzzzzzzzzzzzz";
  private static final String SEGMENT = "/live/" + STREAM + "/720p/42.m4s";
  private static final String INIT = "/live/" + STREAM + "/audio/init-20251125T194640Z-aaaaaaaa.mp4";
  private static final String RUNNER = """
      const fs = require('fs');
      const crypto = require('crypto');
      const src = fs.readFileSync(process.argv[2], 'utf8').replace("import crypto from 'crypto';", '');
      const handler = new Function('crypto', src + '\\nreturn handler;')(crypto);
      const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
      const out = cases.map(c => {
        const querystring = c.token === null ? {} : { token: { value: c.token } };
        const r = handler({ version: '1.0', request: { method: c.method, uri: c.uri, querystring, headers: {}, cookies: {} } });
        return r.statusCode === undefined ? (r.uri === c.uri ? 'pass' : 'changed') : String(r.statusCode);
      });
      process.stdout.write(JSON.stringify(out));
      """;

  @TempDir
  static Path dir;

  @BeforeAll
  static void nodeIsThere() throws Exception {
    Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
    assumeTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "node (20+) on PATH runs this test");
  }

  private record Case(String name, String method, String uri, String token, String expected) {}

  private static List<String> run(List<Case> cases) throws IOException, InterruptedException {
    Path fn = dir.resolve("media-token-check.js");
    Files.writeString(fn, MediaTokenCheck.code(SECRET));
    Path runner = dir.resolve("runner.js");
    Files.writeString(runner, RUNNER);
    List<Map<String, Object>> in = new ArrayList<>();
    for (Case c : cases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", c.method());
      m.put("uri", c.uri());
      m.put("token", c.token());
      in.add(m);
    }
    Process p = new ProcessBuilder("node", runner.toString(), fn.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    p.getOutputStream().write(new ObjectMapper().writeValueAsBytes(in));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "node finished");
    assertEquals(0, p.exitValue(), "node failed: " + out);
    return List.of(new ObjectMapper().readValue(out, String[].class));
  }

  @Test
  void acceptsOnlyAnUnexpiredTokenOfTheStreamInThePath() throws Exception {
    Instant now = Instant.now();
    String valid = TOKENS.issue(STREAM, now.plusSeconds(600));
    String expired = TOKENS.issue(STREAM, now.minusSeconds(1));
    String otherStreams = TOKENS.issue(OTHER, now.plusSeconds(600));
    char last = valid.charAt(valid.length() - 1);
    String tampered = valid.substring(0, valid.length() - 1) + (last == 'A' ? 'B' : 'A');
    String exp = valid.substring(0, valid.indexOf('.'));
    String laterExpiry = (Long.parseLong(exp) + 3600) + valid.substring(valid.indexOf('.'));
    String leadingZero = "0" + valid;
    String otherKey = PlaybackTokens.fromSecret("x".repeat(64)).issue(STREAM, now.plusSeconds(600));
    // A public stream's media token is issued by the playlist with the same key and format.
    String publicStream = TOKENS.issue(OTHER, now.plusSeconds(30 * 3600));
    List<Case> cases = List.of(
        new Case("valid segment", "GET", SEGMENT, valid, "pass"),
        new Case("valid init, audio", "GET", INIT, valid, "pass"),
        new Case("valid HEAD", "HEAD", SEGMENT, valid, "pass"),
        new Case("public stream's issued token", "GET", "/live/" + OTHER + "/source/7.m4s", publicStream, "pass"),
        new Case("expired", "GET", SEGMENT, expired, "403"),
        new Case("another stream's token", "GET", SEGMENT, otherStreams, "403"),
        new Case("tampered signature", "GET", SEGMENT, tampered, "403"),
        new Case("expiry pushed later", "GET", SEGMENT, laterExpiry, "403"),
        // Same expiry, same signature: core's verifier parses the number and accepts it too.
        new Case("expiry with a leading zero", "GET", SEGMENT, leadingZero, "pass"),
        new Case("signed with another key", "GET", SEGMENT, otherKey, "403"),
        new Case("missing", "GET", SEGMENT, null, "401"),
        new Case("empty", "GET", SEGMENT, "", "401"),
        new Case("malformed", "GET", SEGMENT, "abc.def", "401"),
        new Case("not a media path", "GET", "/live/" + STREAM + "/720p/../../secret.txt", valid, "404"),
        new Case("thumbnail path is another behaviour", "GET", "/live/" + STREAM + "/thumb.jpg", valid, "404"),
        new Case("CORS preflight", "OPTIONS", SEGMENT, null, "pass"));
    List<String> got = run(cases);
    for (int i = 0; i < cases.size(); i++) {
      assertEquals(cases.get(i).expected(), got.get(i), cases.get(i).name());
    }
    // The edge and core's verifier agree on every token the edge judged on a media path.
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      if (c.token() != null && (c.expected().equals("pass") || c.expected().equals("403")) && !c.method().equals("OPTIONS")) {
        String stream = c.uri().split("/")[2];
        assertEquals(c.expected().equals("pass"), TOKENS.verify(stream, c.token(), Instant.now()), c.name());
      }
    }
  }

  @Test
  void theKeyIsOnlyThePlaceholderUntilDeploy() {
    assertTrue(MediaTokenCheck.SOURCE.contains(MediaTokenCheck.SECRET_PLACEHOLDER));
    assertTrue(MediaTokenCheck.code(SECRET).contains("'" + SECRET + "'"));
  }
}
