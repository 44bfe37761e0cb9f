package io.tributary.local.aws;

import java.nio.file.Path;

/** Child JVM entry for {@link DynaliteInstallIT}: install into a cache dir with an npm command. */
public final class InstallOnceMain {
  private InstallOnceMain() {}

  public static void main(String[] args) {
    System.out.println("DIR " + DynaliteInstall.ensure(Path.of(args[0]), args[1]));
  }
}
