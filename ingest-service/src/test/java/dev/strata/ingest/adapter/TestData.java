package dev.strata.ingest.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Real bars from the test classpath: S&P 500 and Apple daily CSV slices, ta4j's ETH 5-minute bars. */
final class TestData {

  private TestData() {}

  static String resource(String name) {
    try (InputStream in = TestData.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** ta4j's 580 ETH/USD 5-minute bars (2023-03-13..15) as NDJSON lines of {ts,open,high,low,close,volume}. */
  static List<String> ethFiveMinuteNdjson() {
    try {
      JsonNode root = new ObjectMapper().readTree(resource("ETH-USD-PT5M-2023-3-13_2023-3-15.json"));
      List<String> lines = new ArrayList<>();
      for (JsonNode bar : root.get("ohlc")) {
        // endTime is the last millisecond of the bar: the bar starts 5 minutes before the next one
        Instant start = Instant.ofEpochMilli(bar.get("endTime").asLong() + 1).minusSeconds(300);
        lines.add("{\"ts\":\"%s\",\"open\":%s,\"high\":%s,\"low\":%s,\"close\":%s,\"volume\":%s}".formatted(start,
            bar.get("openPrice"), bar.get("highPrice"), bar.get("lowPrice"), bar.get("closePrice"), bar.get("volume")));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(String text) {
    var out = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
