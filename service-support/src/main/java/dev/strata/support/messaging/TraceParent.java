package dev.strata.support.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C {@code traceparent} of a piece of work, as text: what an outbox row keeps of the trace that wrote
 * it, so that the relay, later and elsewhere, publishes the message as part of that trace. Null when there
 * is no trace (tracing off, or work outside any span).
 */
public final class TraceParent {

  private static final String HEADER = "traceparent";
  private static final TextMapGetter<String> OF_VALUE = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(String carrier) {
      return List.of(HEADER);
    }

    @Override
    public String get(String carrier, String key) {
      return HEADER.equals(key) ? carrier : null;
    }
  };

  private TraceParent() {}

  /** The current span's {@code traceparent}, or null. */
  public static String current() {
    Map<String, String> carrier = new HashMap<>(2);
    W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    return carrier.get(HEADER);
  }

  /** The context a {@code traceparent} names, to continue its trace; the root context when there is none. */
  public static Context context(String traceParent) {
    return traceParent == null
        ? Context.root()
        : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, OF_VALUE);
  }
}
