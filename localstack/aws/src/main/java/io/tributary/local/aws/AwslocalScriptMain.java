package io.tributary.local.aws;

import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the LocalStack init script from the schema with the default names. Argument: the path
 * to write; by default {@value AwslocalScript#RELATIVE_PATH} from the repo root, or its sibling
 * path when run from {@code localstack/aws}.
 */
public final class AwslocalScriptMain {
  private AwslocalScriptMain() {}

  public static void main(String[] args) throws IOException {
    Path out = args.length > 0 ? Path.of(args[0])
        : Files.isDirectory(Path.of("localstack")) ? Path.of(AwslocalScript.RELATIVE_PATH)
        : Path.of("../init/ready.d/10-tributary.sh");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, render(), StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException ignored) {
      // Not a POSIX file system: LocalStack runs it with bash anyway.
    }
    System.out.println("wrote " + out.toAbsolutePath().normalize());
  }

  static String render() {
    return AwslocalScript.render(new Schema(ResourceNames.withPrefix(ResourceNames.DEFAULT_PREFIX)));
  }
}
