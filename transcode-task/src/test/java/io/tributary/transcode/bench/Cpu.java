package io.tributary.transcode.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time as Linux accounts it: {@code /proc/self/stat} cutime + cstime are the CPU of children
 * already waited for (every ffmpeg this JVM ran), in clock ticks (USER_HZ = 100 on Linux x86_64);
 * the calling thread's own CPU comes from the JVM.
 */
final class Cpu {
  private static final double TICK = 0.01;

  private Cpu() {}

  /** Seconds of CPU used by reaped child processes so far. */
  static double children() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // Fields after the ")" that closes the command name; cutime and cstime are fields 16 and 17.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * TICK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Seconds of CPU used by the current thread. */
  static double thread() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
  }
}
