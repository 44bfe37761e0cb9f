package io.tributary.local.launcher;

import io.tributary.core.keys.StreamKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The local run's two secrets, each a random key kept in the data dir (mode 600, like a
 * credentials file) so it survives restarts: the admin API token (the API stores only its hash;
 * scripts keep working; {@code TRIBUTARY_ADMIN_TOKEN} chooses it instead) and the playback-token
 * signing secret (signed URLs stay valid across restarts).
 */
final class LocalSecrets {
  private LocalSecrets() {}

  static String adminToken(Path dataDir, Map<String, String> env) {
    String chosen = env.get("TRIBUTARY_ADMIN_TOKEN");
    if (chosen != null && !chosen.isBlank()) {
      return chosen.strip();
    }
    return readOrCreate(dataDir.resolve("admin-token"));
  }

  static String playbackSecret(Path dataDir) {
    return readOrCreate(dataDir.resolve("playback-secret"));
  }

  private static String readOrCreate(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, StreamKeys.generate() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new LaunchException("cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }
}
