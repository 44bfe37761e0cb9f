package io.tributary.api.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A page of streams; {@code nextCursor} is absent on the last page. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamListView(List<StreamView> items, String nextCursor) {}
