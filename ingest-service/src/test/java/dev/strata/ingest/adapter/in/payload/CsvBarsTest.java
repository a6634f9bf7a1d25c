package dev.strata.ingest.adapter.in.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.messaging.contract.Bar;
import jakarta.ws.rs.BadRequestException;
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

class CsvBarsTest {

  private static final Instant NOV_14 = Instant.parse("2023-11-14T22:14:00Z");

  @Test
  void readsTheBarColumnsInAnyOrderAndSkipsTheOthers() throws IOException {
    List<Bar> bars = read("""
        Date,Open,High,Low,Close,Adj Close,Volume
        2013-01-02,553.82,555.00,541.63,549.03,74.5,140129500
        2013-01-03,547.88,549.67,541.00,542.10,73.6,88241300
        """);
    List<Bar> reordered = read("volume,close,name,low,high,open,ts\r\n140129500,549.03,\"Apple, Inc.\",541.63,555.00,553.82,2013-01-02\r\n");

    assertThat(bars).containsExactly(
        new Bar(Instant.parse("2013-01-02T00:00:00Z"), 553.82, 555.0, 541.63, 549.03, 140129500.0),
        new Bar(Instant.parse("2013-01-03T00:00:00Z"), 547.88, 549.67, 541.0, 542.1, 88241300.0));
    assertThat(reordered).containsExactly(bars.getFirst());
  }

  @Test
  void tsIsReadInEveryFormProducersUse() throws IOException {
    List<Bar> bars = read("""
        timestamp,open,high,low,close,volume
        1700000040000000000,1,1,1,1,1
        2023-11-14T22:14:00Z,1,1,1,1,1
        2023-11-14T23:14:00+01:00,1,1,1,1,1
        2023-11-14,1,1,1,1,1
        1700000040123456789,1,1,1,1,1
        0,1,1,1,1,1
        """);

    assertThat(bars).extracting(Bar::ts).containsExactly(NOV_14, NOV_14, NOV_14, Instant.parse("2023-11-14T00:00:00Z"),
        NOV_14.plusNanos(123_456_789), Instant.EPOCH);
  }

  @Test
  void emptyAndMissingCellsAreNullForTheValidationPoliciesToReport() throws IOException {
    List<Bar> bars = read("""
        ts,open,high,low,close,volume
        2023-11-14T22:14:00Z, ,2,1,"",
        ,1.5
        """);

    assertThat(bars).containsExactly(
        new Bar(NOV_14, null, 2.0, 1.0, null, null),
        new Bar(null, 1.5, null, null, null, null));
  }

  @Test
  void quotedCellsBlankLinesAndAByteOrderMarkAreUnderstood() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "ts,open,high,low,close,volume,note\n\n\"2023-11-14T22:14:00Z\",\" 1e1 \",11,9,10,5,\"said \"\"hi\"\",\nthere\"\n   \n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, body, 0, bom.length);
    System.arraycopy(text, 0, body, bom.length, text.length);

    assertThat(CsvBars.read(new ByteArrayInputStream(body))).containsExactly(new Bar(NOV_14, 10.0, 11.0, 9.0, 10.0, 5.0));
  }

  @Test
  void anEmptyBodyOrAHeaderAloneIsNoBars() throws IOException {
    assertThat(read("")).isEmpty();
    assertThat(read("\n\n")).isEmpty();
    assertThat(read("ts,open,high,low,close,volume")).isEmpty();
    assertThat(read("ts,open,high,low,close,volume\n")).isEmpty();
  }

  @Test
  void aGzippedBodySpanningManyBuffersIsReadThroughItsInflatingStream() throws IOException {
    var zipped = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(zipped)) {
      gzip.write("ts,open,high,low,close,volume\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 20_000; i++) {
        gzip.write(((1_700_000_040L + 60L * i) + "000000000,1.25,2,0.5,1.5," + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    List<Bar> bars = CsvBars.read(new GZIPInputStream(new ByteArrayInputStream(zipped.toByteArray())));

    assertThat(bars).hasSize(20_000);
    assertThat(bars.get(12_345)).isEqualTo(new Bar(NOV_14.plusSeconds(60L * 12_345), 1.25, 2.0, 0.5, 1.5, 12_345.0));
  }

  @Test
  void aHeaderWithoutTheBarColumnsIsRefused() {
    assertThatThrownBy(() -> read("date,open\n2013-01-02,1")).isInstanceOf(BadRequestException.class)
        .hasMessage("CSV header needs a high column");
    assertThatThrownBy(() -> read("day,open,high,low,close,volume\n")).isInstanceOf(BadRequestException.class)
        .hasMessage("CSV header needs a ts (or date/timestamp) column");
  }

  @Test
  void aBadNumberOrTimestampNamesItsLine() {
    String header = "ts,open,high,low,close,volume\n";
    assertThatThrownBy(() -> read(header + "2013-01-02,1,1,1,1,1\nyesterday,1,1,1,1,1"))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("CSV line 3 is malformed");
    assertThatThrownBy(() -> read(header + "2013-01-02,1,1,one,1,1")).hasMessageStartingWith("CSV line 2 is malformed");
    assertThatThrownBy(() -> read(header + "2013-01-02,1,1,1,1,1.2.3")).hasMessageStartingWith("CSV line 2 is malformed");
    assertThatThrownBy(() -> read(header + "99999999999999999999,1,1,1,1,1")).hasMessageStartingWith("CSV line 2 is malformed");
  }

  private static List<Bar> read(String body) throws IOException {
    return CsvBars.read(stream(body));
  }

  private static InputStream stream(String body) {
    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
  }
}
