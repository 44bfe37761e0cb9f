package io.tributary.playlist.store;

/**
 * An index item this service cannot read: the stream, the item key and the attribute with the
 * value that broke it. The item is skipped (shows as a missing seq, later a gap), never fatal.
 */
public class IndexReadException extends RuntimeException {
  private final String table;
  private final String key;
  private final String attribute;

  public IndexReadException(String table, String key, String attribute, String problem) {
    super(table + " item " + key + ": attribute " + attribute + " " + problem);
    this.table = table;
    this.key = key;
    this.attribute = attribute;
  }

  public String table() {
    return table;
  }

  public String key() {
    return key;
  }

  public String attribute() {
    return attribute;
  }
}
