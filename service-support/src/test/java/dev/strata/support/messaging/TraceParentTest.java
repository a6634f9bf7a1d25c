package dev.strata.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class TraceParentTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  @Test
  void outsideAnySpanThereIsNoTraceParent() {
    assertThat(TraceParent.current()).isNull();
  }

  @Test
  void theCurrentSpanIsWrittenAsAW3cTraceParent() {
    Span span = Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()));
    try (Scope ignored = Context.root().with(span).makeCurrent()) {
      assertThat(TraceParent.current()).isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
    }
  }

  @Test
  void aStoredTraceParentIsContinuedAsARemoteParent() {
    SpanContext parent = Span.fromContext(TraceParent.context("00-" + TRACE_ID + "-" + SPAN_ID + "-01")).getSpanContext();

    assertThat(parent.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(parent.getSpanId()).isEqualTo(SPAN_ID);
    assertThat(parent.isRemote()).isTrue();
    assertThat(parent.isSampled()).isTrue();
  }

  @Test
  void noneOrAMalformedOneContinuesNothing() {
    assertThat(Span.fromContext(TraceParent.context(null)).getSpanContext().isValid()).isFalse();
    assertThat(Span.fromContext(TraceParent.context("00-not-a-trace-01")).getSpanContext().isValid()).isFalse();
  }
}
