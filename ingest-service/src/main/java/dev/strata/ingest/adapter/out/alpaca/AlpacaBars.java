package dev.strata.ingest.adapter.out.alpaca;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.domain.pull.MarketData;
import dev.strata.kernel.messaging.contract.Bar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** The body of Alpaca market-data v2 {@code GET /v2/stocks/{symbol}/bars}, parsed into bars. */
final class AlpacaBars {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Body(List<AlpacaBar> bars, String symbol, @JsonProperty("next_page_token") String nextPageToken) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record AlpacaBar(Instant t, Double o, Double h, Double l, Double c, Double v) {}

  private AlpacaBars() {}

  static MarketData.Page parse(ObjectMapper json, String body) {
    try {
      Body parsed = json.readValue(body, Body.class);
      List<Bar> bars = parsed.bars() == null ? List.of()
          : parsed.bars().stream().map(bar -> new Bar(bar.t(), bar.o(), bar.h(), bar.l(), bar.c(), bar.v())).toList();
      return new MarketData.Page(bars, parsed.nextPageToken());
    } catch (IOException e) {
      throw new UncheckedIOException("the provider's answer is not the Alpaca bars shape", e);
    }
  }

  /** Alpaca's timeframe for a frame: 1Min, 5Min, 1Hour, 1Day, 1Week. */
  static String timeframe(String frame) {
    String amount = frame.substring(0, frame.length() - 1);
    return switch (frame.charAt(frame.length() - 1)) {
      case 'm' -> amount + "Min";
      case 'h' -> amount + "Hour";
      case 'd' -> amount + "Day";
      case 'w' -> amount + "Week";
      default -> throw new dev.strata.kernel.error.DomainException.Invalid("Alpaca has no " + frame + " bars");
    };
  }
}
