package dev.strata.e2e;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP receiver (protobuf on {@code /v1/traces}), as an operator's collector would be, keeping every
 * span the packaged services export, so the suite can follow one trace across the services and the queues.
 */
final class LocalTraceCollector implements AutoCloseable {

  /** One exported span: the service that ended it, its ids (hex) and its name. */
  record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name) {}

  private static final HexFormat HEX = HexFormat.of();
  private final HttpServer server;
  private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

  LocalTraceCollector() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/traces", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        keep(ExportTraceServiceRequest.parseFrom(body));
      }
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
  }

  /** What a service needs to export its spans here, at once rather than in five-second batches. */
  Map<String, String> exporterEnvironment() {
    return Map.of(
        "OTEL_SDK_DISABLED", "false",
        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
  }

  /** The spans of one trace received so far. */
  List<ExportedSpan> trace(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  private void keep(ExportTraceServiceRequest request) {
    for (ResourceSpans resource : request.getResourceSpansList()) {
      String service = resource.getResource().getAttributesList().stream()
          .filter(attribute -> attribute.getKey().equals("service.name"))
          .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("?");
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        scope.getSpansList().forEach(span -> spans.add(new ExportedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
            HEX.formatHex(span.getSpanId().toByteArray()), HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName())));
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
