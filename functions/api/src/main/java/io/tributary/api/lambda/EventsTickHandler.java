package io.tributary.api.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.tributary.api.config.ApiConfig;
import io.tributary.api.events.EventSinks;
import io.tributary.api.events.EventWindow;
import io.tributary.api.events.StreamEvent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS: stream events without a long-running poller. An EventBridge Scheduler rule invokes this
 * every {@code TRIBUTARY_EVENTS_TICK_S} seconds (default 60) with any payload; it publishes the
 * events of the last window ({@link EventWindow}) to EventBridge ({@code TRIBUTARY_EVENT_BUS_NAME}).
 * Handler string: {@code io.tributary.api.lambda.EventsTickHandler::handleRequest}, same jar.
 */
public class EventsTickHandler extends MicronautRequestHandler<Map<String, Object>, String> {
  private static final Logger LOG = LoggerFactory.getLogger(EventsTickHandler.class);

  @Inject
  EventWindow window;
  @Inject
  EventSinks.Configured sinks;
  @Inject
  ApiConfig config;
  @Inject
  Clock clock;

  public EventsTickHandler() {
    super();
  }

  public EventsTickHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public String execute(Map<String, Object> input) {
    long now = clock.millis();
    List<StreamEvent> events = window.events(now - config.eventsTickS() * 1000L, now);
    if (!events.isEmpty()) {
      sinks.sinks().forEach(s -> s.publish(events));
    }
    LOG.info("events tick: {} events to {} sinks", events.size(), sinks.sinks().size());
    return events.size() + " events";
  }
}
