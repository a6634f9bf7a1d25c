package dev.strata.kernel.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document must describe exactly the queues and contracts the code has. */
class AsyncApiDocumentTest {

  private static JsonNode document;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
      document = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void everyQueueAndBroadcastIsAChannelAndNothingElseIs() {
    Set<String> channels = new HashSet<>();
    document.get("channels").fieldNames().forEachRemaining(channels::add);
    Set<String> expected = new HashSet<>(Queues.ALL);
    expected.addAll(Queues.BROADCASTS);
    assertThat(channels).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyMessageTypeIsDocumentedOnItsQueue() {
    for (MessageType<?> type : MessageType.ALL) {
      JsonNode ref = document.at("/channels/" + type.queue().replace("/", "~1") + "/messages/" + type.name() + "/$ref");
      assertThat(ref.asText()).as(type.name()).isEqualTo("#/components/messages/" + type.name());
    }
  }

  @Test
  void everyPayloadSchemaListsExactlyTheFieldsOfItsRecord() {
    for (MessageType<?> type : MessageType.ALL) {
      assertThat(documentedFields(type.payloadType()))
          .as(type.payloadType().getSimpleName())
          .containsExactlyInAnyOrderElementsOf(recordFields(type.payloadType()));
    }
  }

  private static Set<String> documentedFields(Class<?> record) {
    Set<String> fields = new HashSet<>();
    document.at("/components/schemas/" + record.getSimpleName() + "/properties").fieldNames().forEachRemaining(fields::add);
    return fields;
  }

  private static Set<String> recordFields(Class<?> record) {
    return new HashSet<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
  }
}
