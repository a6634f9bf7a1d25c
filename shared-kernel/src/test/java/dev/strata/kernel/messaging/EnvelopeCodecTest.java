package dev.strata.kernel.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.messaging.contract.BarBatch;
import dev.strata.kernel.messaging.contract.NotificationSend;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

  private final EnvelopeCodec codec = new EnvelopeCodec();

  @Test
  void anEncodedEnvelopeDecodesToTheSameEnvelope() {
    var batch = new BarBatch("AAPL", "1d", List.of(new Bar(Instant.parse("2013-01-02T00:00:00Z"), 1.0, 2.0, 0.5, 1.5, 100.0)), "job-1");
    var envelope = Envelope.of(MessageType.BAR_BATCH, batch, "corr");

    assertThat(codec.decode(codec.encode(envelope), MessageType.BAR_BATCH)).isEqualTo(envelope);
  }

  @Test
  void timestampsMayBeEpochNanosecondsOrIso8601() {
    String json = envelope("bar-batch", 1, """
        {"symbol":"ETH-USD","frame":"5m","bars":[
          {"ts":1678665600000000000,"open":1,"high":1,"low":1,"close":1,"volume":0},
          {"ts":"2023-03-13T00:05:00+00:00","open":1,"high":1,"low":1,"close":1,"volume":0}]}""");

    BarBatch batch = codec.decode(bytes(json), MessageType.BAR_BATCH).payload();

    assertThat(batch.bars()).extracting(Bar::ts)
        .containsExactly(Instant.parse("2023-03-13T00:00:00Z"), Instant.parse("2023-03-13T00:05:00Z"));
  }

  @Test
  void fieldsANewerProducerAddedAreIgnored() {
    String json = envelope("notification-send", 1, "{\"channel\":\"ops\",\"body\":\"hi\",\"priority\":\"high\"}");

    assertThat(codec.decode(bytes(json), MessageType.NOTIFICATION_SEND).payload())
        .isEqualTo(new NotificationSend("ops", null, null, "hi", null));
  }

  @Test
  void invalidJsonIsUndecodable() {
    assertThatThrownBy(() -> codec.decode(bytes("{nope"))).isInstanceOf(UndecodableMessage.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void anUnknownTypeIsUndecodable() {
    assertThatThrownBy(() -> codec.decode(bytes(envelope("mystery", 1, "{}"))))
        .isInstanceOf(UndecodableMessage.class).hasMessageContaining("unknown message type 'mystery'");
  }

  @Test
  void aTypeThatBelongsOnAnotherQueueIsUndecodable() {
    assertThatThrownBy(() -> codec.decode(bytes(envelope("notification-send", 1, "{}")), MessageType.BAR_BATCH))
        .isInstanceOf(UndecodableMessage.class).hasMessageContaining("does not belong on queue ingest.bars");
  }

  @Test
  void aNewerSchemaVersionThanTheReaderKnowsIsUndecodable() {
    assertThatThrownBy(() -> codec.decode(bytes(envelope("bar-batch", 2, "{}")), MessageType.BAR_BATCH))
        .isInstanceOf(UndecodableMessage.class).hasMessageContaining("schemaVersion 2");
  }

  @Test
  void aMissingEnvelopeFieldIsUndecodable() {
    String json = "{\"type\":\"bar-batch\",\"schemaVersion\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}";
    assertThatThrownBy(() -> codec.decode(bytes(json), MessageType.BAR_BATCH))
        .isInstanceOf(UndecodableMessage.class).hasMessageContaining("messageId");
  }

  @Test
  void aPayloadOfTheWrongShapeIsUndecodable() {
    assertThatThrownBy(() -> codec.decode(bytes(envelope("bar-batch", 1, "{\"bars\":\"not a list\"}")), MessageType.BAR_BATCH))
        .isInstanceOf(UndecodableMessage.class).hasMessageContaining("does not fit bar-batch");
  }

  private static String envelope(String type, int version, String payload) {
    return """
        {"messageId":"6f1c1d1e-1111-4b5e-9d2a-0c1d2e3f4a5b","type":"%s","schemaVersion":%d,
         "occurredAt":"2026-01-01T00:00:00Z","correlationId":"c","payload":%s}""".formatted(type, version, payload);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
