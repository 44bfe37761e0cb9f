package io.tributary.core.id;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A stream's id: {@code st_} followed by 20 lowercase base32 characters. Safe in S3 keys,
 * URLs and DynamoDB keys without escaping, and never derived from user input.
 */
public record StreamId(String value) {
  private static final Pattern FORMAT = Pattern.compile("st_[a-z2-7]{20}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public StreamId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("stream id must match " + FORMAT + ", got " + Ids.quote(value));
    }
  }

  public static StreamId random() {
    return new StreamId("st_" + Ids.base32(RANDOM, 20));
  }

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
