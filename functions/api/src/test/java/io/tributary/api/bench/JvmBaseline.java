package io.tributary.api.bench;

import java.lang.management.ManagementFactory;

/** Baseline child: a JVM that starts and prints how long after its start it got to main's end. */
public final class JvmBaseline {
  private JvmBaseline() {}

  public static void main(String[] args) {
    long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("first-response-ms " + since);
  }
}
