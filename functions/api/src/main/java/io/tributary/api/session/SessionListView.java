package io.tributary.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Sessions newest first; {@code nextCursor} (a session id) is absent on the last page. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionListView(List<SessionView> items, String nextCursor) {}
