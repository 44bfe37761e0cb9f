package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test JVMs of several modules may start at once on a fresh machine: the npm install of dynalite
 * must happen once, the others waiting on the file lock and then using it.
 */
class DynaliteInstallIT {

  @Test
  void twoJvmsInstallingIntoAnEmptyCacheRunNpmCiOnce(@TempDir Path cache, @TempDir Path bin) throws Exception {
    // The real npm, behind a wrapper that counts its runs.
    Path count = bin.resolve("npm-runs");
    Path npm = bin.resolve("npm");
    Files.writeString(npm, "#!/bin/sh\necho run >> '" + count + "'\nexec npm \"$@\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwx------"));

    List<Process> jvms = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      jvms.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), InstallOnceMain.class.getName(),
          cache.toString(), npm.toString()).redirectErrorStream(true).start());
    }
    List<String> dirs = new ArrayList<>();
    for (Process p : jvms) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(300, TimeUnit.SECONDS), "install finished");
      assertEquals(0, p.exitValue(), out);
      dirs.add(out.lines().filter(l -> l.startsWith("DIR ")).findFirst().orElseThrow(() -> new AssertionError(out)));
    }
    assertEquals(dirs.get(0), dirs.get(1), "both use the same install");
    assertEquals(1, lines(count), "npm ci ran exactly once");
    Path dir = Path.of(dirs.get(0).substring(4));
    assertTrue(Files.exists(dir.resolve("node_modules/dynalite/package.json")), "dynalite installed in " + dir);
    assertTrue(Files.exists(dir.resolve("server.js")));
  }

  private static long lines(Path p) throws IOException {
    return Files.exists(p) ? Files.readAllLines(p).size() : 0;
  }
}
