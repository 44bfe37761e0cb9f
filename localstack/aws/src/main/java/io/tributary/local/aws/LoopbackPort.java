package io.tributary.local.aws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1: checking a configured one is free, or picking a free one. */
final class LoopbackPort {
  static final String HOST = "127.0.0.1";

  private LoopbackPort() {}

  /**
   * The configured port if free, or any free port for 0. A taken port fails with the line the
   * user needs: which port, for which service, and the variable that moves it.
   */
  static int claim(int port, String service, String envVar) {
    try (ServerSocket s = new ServerSocket()) {
      // SO_REUSEADDR as the emulators bind: on Linux a listener still makes this fail (a second
      // launcher, another program), while TIME_WAIT leftovers of our last run do not.
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new LocalAwsException(envVar, String.valueOf(port), "port " + port + " (" + service
          + ") on " + HOST + " is in use (is Tributary already running?): stop what holds it or set " + envVar
          + " to a free port", e);
    }
  }
}
