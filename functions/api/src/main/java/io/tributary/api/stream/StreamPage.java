package io.tributary.api.stream;

import java.util.List;
import java.util.Optional;

/** One page of a tenant's streams, newest first, and where the next page starts. */
public record StreamPage(List<StreamRecord> items, Optional<PageCursor> next) {
  public StreamPage {
    items = List.copyOf(items);
  }
}
