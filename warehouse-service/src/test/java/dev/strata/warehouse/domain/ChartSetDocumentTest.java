package dev.strata.warehouse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.domain.chart.Chart;
import dev.strata.warehouse.domain.chart.ChartSet;
import dev.strata.warehouse.domain.chart.ChartSetDocument;
import dev.strata.warehouse.domain.chart.Mark;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartSetDocumentTest {

  @Test
  void defaultsAreFilledInAndTheStoredDocumentReadsBackAsTheSameSet() {
    ChartSet set = ChartSetDocument.parse("desk", Map.of("title", "Desk", "charts", List.of(
        Map.of("measure", "volume"), Map.of("measure", "close", "mark", "bar", "series", List.of("AAPL"), "from", "2024-05-01"))));

    assertThat(set.charts().get(0).mark()).isEqualTo(Mark.BAR);
    assertThat(set.charts().get(0).title()).isEqualTo("Volume");
    assertThat(set.charts().get(0).frame()).isEqualTo("1d");
    assertThat(set.charts().get(1).measure()).isEqualTo(Chart.CLOSE);
    assertThat(set.charts().get(1).from()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    assertThat(ChartSetDocument.parse("desk", set.document())).isEqualTo(set);
  }

  @Test
  void aRangeOverrideReplacesTheChartsOwnAndMustStillBeARange() {
    ChartSet set = ChartSetDocument.parse("desk", Map.of("title", "Desk", "charts", List.of(
        Map.of("measure", "close", "from", "2024-05-01", "to", "2024-06-01"))));

    var request = set.charts().getFirst().request(Instant.parse("2024-05-15T00:00:00Z"), null);
    assertThat(request.from()).isEqualTo(Instant.parse("2024-05-15T00:00:00Z"));
    assertThat(request.to()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    assertThatThrownBy(() -> set.charts().getFirst().request(Instant.parse("2024-07-01T00:00:00Z"), null))
        .isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> ChartSetDocument.parse("desk", Map.of("title", "Desk", "charts", List.of(Map.of("measure", "close")),
        "extra", 1))).hasMessage("chart set is invalid: extra: unknown field");
  }
}
