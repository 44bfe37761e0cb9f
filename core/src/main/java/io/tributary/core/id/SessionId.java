package io.tributary.core.id;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * One publish, from connect to disconnect: {@code yyyyMMddTHHmmssZ-} plus 8 base32 characters.
 * The timestamp prefix makes session ids sort by start time, so "newest first" is a key order.
 */
public record SessionId(String value) {
  private static final Pattern FORMAT = Pattern.compile("\\d{8}T\\d{6}Z-[a-z2-7]{8}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  public SessionId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("session id must match " + FORMAT + ", got " + Ids.quote(value));
    }
  }

  public static SessionId startingAt(Instant start) {
    return new SessionId(STAMP.format(start) + "-" + Ids.base32(RANDOM, 8));
  }

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
