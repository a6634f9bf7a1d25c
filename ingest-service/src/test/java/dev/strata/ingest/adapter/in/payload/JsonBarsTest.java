package dev.strata.ingest.adapter.in.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.strata.ingest.adapter.in.payload.JsonBars.UnknownFields;
import dev.strata.kernel.messaging.contract.Bar;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class JsonBarsTest {

  private static final Instant NOV_14 = Instant.parse("2023-11-14T22:14:00Z");

  @Test
  void aJsonArrayAndNdjsonGiveTheSameBars() throws IOException {
    String one = "{\"ts\":1700000040000000000,\"open\":10,\"high\":11.5,\"low\":9,\"close\":10.5,\"volume\":5}";
    String two = "{\"ts\":\"2023-11-14T22:15:00Z\",\"open\":10.5,\"high\":12,\"low\":10,\"close\":11,\"volume\":0}";
    List<Bar> array = read("[" + one + ",\n" + two + "]");
    List<Bar> ndjson = read(one + "\n" + two + "\n");

    assertThat(array).containsExactly(
        new Bar(NOV_14, 10.0, 11.5, 9.0, 10.5, 5.0),
        new Bar(NOV_14.plusSeconds(60), 10.5, 12.0, 10.0, 11.0, 0.0));
    assertThat(ndjson).isEqualTo(array);
  }

  @Test
  void tsIsReadInEveryFormProducersUse() throws IOException {
    List<Bar> bars = read("""
        {"ts":1700000040000000000}
        {"ts":"1700000040000000000"}
        {"ts":"2023-11-14T22:14:00Z"}
        {"ts":"2023-11-14T23:14:00+01:00"}
        {"ts":" 2023-11-14 "}
        {"ts":1700000040123456789}
        {"ts":-1000000000}
        {"ts":null}
        """);

    assertThat(bars).extracting(Bar::ts).containsExactly(NOV_14, NOV_14, NOV_14, NOV_14,
        Instant.parse("2023-11-14T00:00:00Z"), NOV_14.plusNanos(123_456_789), Instant.parse("1969-12-31T23:59:59Z"), null);
  }

  @Test
  void missingOrNullFieldsStayNullForTheValidationPoliciesToReport() throws IOException {
    List<Bar> bars = read("""
        [{"ts":"2023-11-14T22:14:00Z","open":1},{"high":null,"low":"","close":" 2.5 ","volume":"7"},{}]""");

    assertThat(bars).containsExactly(
        new Bar(NOV_14, 1.0, null, null, null, null),
        new Bar(null, null, null, null, 2.5, 7.0),
        new Bar(null, null, null, null, null, null));
  }

  @Test
  void nonFiniteNumbersWrittenAsTextAreReadForThePoliciesToRefuse() throws IOException {
    assertThat(read("{\"open\":\"NaN\",\"high\":\"Infinity\"}")).containsExactly(
        new Bar(null, Double.NaN, Double.POSITIVE_INFINITY, null, null, null));
  }

  @Test
  void ndjsonBlankLinesAndAnEmptyBodyAreNoBars() throws IOException {
    assertThat(read("\n\n{\"open\":1}\n\n   \n{\"open\":2}\n\n")).extracting(Bar::open).containsExactly(1.0, 2.0);
    assertThat(read("")).isEmpty();
    assertThat(read("  \n ")).isEmpty();
    assertThat(read("[]")).isEmpty();
  }

  @Test
  void aGzippedBodyIsReadThroughItsInflatingStream() throws IOException {
    var zipped = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(zipped)) {
      for (int i = 0; i < 5000; i++) {
        gzip.write(("{\"ts\":" + (1_700_000_040L + 60L * i) + "000000000,\"open\":1,\"high\":2,\"low\":0.5,\"close\":1.5,\"volume\":"
            + i + "}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    List<Bar> bars = JsonBars.read(new GZIPInputStream(new ByteArrayInputStream(zipped.toByteArray())), UnknownFields.FAIL);

    assertThat(bars).hasSize(5000);
    assertThat(bars.getLast()).isEqualTo(new Bar(NOV_14.plusSeconds(60L * 4999), 1.0, 2.0, 0.5, 1.5, 4999.0));
  }

  @Test
  void badNumbersAndTimestampsNameTheirRowAndField() {
    assertThatThrownBy(() -> read("[{\"open\":1},{\"open\":\"abc\"}]"))
        .isInstanceOf(InvalidFormatException.class).hasMessageContaining("\"abc\"")
        .satisfies(e -> assertThat(path(e)).isEqualTo("[1].open"));
    assertThatThrownBy(() -> read("{\"ts\":\"yesterday\"}"))
        .isInstanceOf(InvalidFormatException.class).hasMessageContaining("not an ISO-8601 timestamp or epoch nanoseconds")
        .satisfies(e -> assertThat(path(e)).isEqualTo("[0].ts"));
    assertThatThrownBy(() -> read("{\"ts\":1.5}")).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("{\"volume\":true}")).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("{\"close\":[1]}")).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("{\"ts\":99999999999999999999}")).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void anUnknownFieldFailsOnRestAndIsSkippedOnQueues() throws IOException {
    String body = "[{\"ts\":\"2023-11-14\",\"open\":1,\"bogus\":{\"deep\":[1,2]},\"close\":3}]";

    assertThatThrownBy(() -> read(body)).isInstanceOf(UnrecognizedPropertyException.class)
        .satisfies(e -> assertThat(((UnrecognizedPropertyException) e).getPropertyName()).isEqualTo("bogus"));
    assertThat(JsonBars.read(stream(body), UnknownFields.IGNORE))
        .containsExactly(new Bar(Instant.parse("2023-11-14T00:00:00Z"), 1.0, null, null, 3.0, null));
  }

  @Test
  void malformedJsonAndRowsThatAreNotObjectsAreRefused() {
    assertThatThrownBy(() -> read("[{\"open\":1},")).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> read("{\"open\":1")).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("[null]")).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("\"bars\"")).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("[{\"open\":1}] {\"open\":2}")).isInstanceOf(MismatchedInputException.class);
  }

  private static String path(Throwable e) {
    return ((JsonMappingException) e).getPath().stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .reduce("", String::concat);
  }

  private static List<Bar> read(String body) throws IOException {
    return JsonBars.read(stream(body), UnknownFields.FAIL);
  }

  private static InputStream stream(String body) {
    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
  }
}
