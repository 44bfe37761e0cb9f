package io.tributary.local.launcher;

import io.tributary.core.keys.StreamKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The local admin API token. The API stores only its hash; the launcher keeps the token itself
 * in {@code <data>/admin-token} (mode 600, like a credentials file) so scripts keep working
 * across restarts. {@code TRIBUTARY_ADMIN_TOKEN} chooses it instead.
 */
final class AdminToken {
  private AdminToken() {}

  static String load(Path dataDir, Map<String, String> env) {
    String chosen = env.get("TRIBUTARY_ADMIN_TOKEN");
    if (chosen != null && !chosen.isBlank()) {
      return chosen.strip();
    }
    Path file = dataDir.resolve("admin-token");
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file).strip();
      }
      Files.createDirectories(dataDir);
      String token = StreamKeys.generate();
      Files.writeString(file, token + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return token;
    } catch (IOException e) {
      throw new LaunchException("cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }
}
