package io.tributary.local.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails early, naming the port and the variable that moves it, when a port is taken. */
final class PortCheck {
  private PortCheck() {}

  static void requireFree(String host, int port, String what, String envVar) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new LaunchException("port " + port + " (" + what + ") is in use on " + host
          + ": is another './tributary run' still running? Stop it, or set " + envVar + " to a free port");
    }
  }
}
