package dev.strata.ingest.adapter.in.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.UndecodableMessage;
import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.messaging.contract.BarBatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BarBatchEnvelopesTest {

  private static final UUID ID = UUID.fromString("7d3f1c52-9c2e-4c1f-8f7e-2a1b3c4d5e6f");

  @Test
  void decodesWhatTheSharedCodecDecodesWhateverTheFieldOrder() {
    String payloadFirst = """
        {"payload":{"bars":[{"ts":1700000040000000000,"open":1,"high":2,"low":0.5,"close":1.5,"volume":3,"vwap":1.2},
                            {"ts":"2023-11-14T22:15:00Z","open":1.5}],
                    "extra":{"a":[1]},"symbol":"ETH","frame":"5m","jobId":"j-1"},
         "future":[1,{"x":2}],"correlationId":"c-9","occurredAt":"2026-01-01T00:00:00Z",
         "schemaVersion":1,"type":"bar-batch","messageId":"%s"}""".formatted(ID);

    Envelope<BarBatch> streamed = BarBatchEnvelopes.decode(bytes(payloadFirst));

    assertThat(streamed).isEqualTo(new EnvelopeCodec().decode(bytes(payloadFirst), MessageType.BAR_BATCH));
    assertThat(streamed.payload()).isEqualTo(new BarBatch("ETH", "5m", List.of(
        new Bar(Instant.parse("2023-11-14T22:14:00Z"), 1.0, 2.0, 0.5, 1.5, 3.0),
        new Bar(Instant.parse("2023-11-14T22:15:00Z"), 1.5, null, null, null, null)), "j-1"));
    assertThat(streamed.correlationId()).isEqualTo("c-9");
  }

  @Test
  void aBatchWithoutBarsOrJobIdDecodesToAnEmptyBatch() {
    Envelope<BarBatch> envelope = BarBatchEnvelopes.decode(bytes(envelope("{\"symbol\":\"ETH\",\"frame\":\"5m\"}")));

    assertThat(envelope.payload()).isEqualTo(new BarBatch("ETH", "5m", List.of(), null));
    assertThat(envelope.correlationId()).isNull();
  }

  @Test
  void whatTheSharedCodecRefusesIsUndecodableHereToo() {
    String good = "{\"symbol\":\"ETH\",\"frame\":\"5m\",\"bars\":[]}";
    List<String> refused = List.of(
        "not json",
        "[1,2]",
        envelope(good).replace("bar-batch", "usage-event-batch"),
        envelope(good).replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
        envelope(good).replace("\"schemaVersion\":1,", ""),
        envelope(good).replace(ID.toString(), "not-a-uuid"),
        envelope(good).replace("2026-01-01T00:00:00Z", "yesterday"),
        envelope("null"),
        envelope("{\"symbol\":\"ETH\",\"bars\":{\"ts\":1}}"),
        envelope("{\"symbol\":\"ETH\",\"bars\":[{\"open\":\"abc\"}]}"),
        envelope("{\"symbol\":\"ETH\",\"bars\":[{\"open\":1}"));

    for (String body : refused) {
      assertThatThrownBy(() -> new EnvelopeCodec().decode(bytes(body), MessageType.BAR_BATCH)).as(body)
          .isInstanceOf(UndecodableMessage.class);
      assertThatThrownBy(() -> BarBatchEnvelopes.decode(bytes(body))).as(body).isInstanceOf(UndecodableMessage.class);
    }
  }

  @Test
  void aMissingEnvelopeFieldIsNamed() {
    String body = envelope("{}").replace("\"messageId\":\"" + ID + "\",", "");

    assertThatThrownBy(() -> BarBatchEnvelopes.decode(bytes(body))).hasMessage("envelope field 'messageId' is missing");
  }

  private static String envelope(String payload) {
    return """
        {"messageId":"%s","type":"bar-batch","schemaVersion":1,"occurredAt":"2026-01-01T00:00:00Z","payload":%s}"""
        .formatted(ID, payload);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
