package io.tributary.core.config;

import java.util.Map;

/**
 * Typed reads of environment variables, shared by every service's configuration record: a
 * blank or absent variable takes the documented default; a malformed one fails start-up with a
 * message naming the variable and its value.
 */
public final class EnvVars {
  private EnvVars() {}

  public static int integer(Map<String, String> env, String name, int dflt) {
    long v = longValue(env, name, dflt);
    if (v != (int) v) {
      throw new IllegalArgumentException(name + "=" + env.get(name) + " is out of the integer range");
    }
    return (int) v;
  }

  public static long longValue(Map<String, String> env, String name, long dflt) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "=" + v + " is not an integer");
    }
  }
}
