package io.tributary.ingest.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process from {@code /proc/<pid>/stat} (utime + stime, fields 14 and 15, in clock
 * ticks of 1/100 s on Linux), so the benchmark reports every process's CPU from the same source.
 */
public final class ProcCpu {
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcCpu() {}

  /** CPU seconds used so far by {@code pid} (user + system), or -1 if the process is gone. */
  public static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) may contain spaces: fields count from after its closing parenthesis.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
