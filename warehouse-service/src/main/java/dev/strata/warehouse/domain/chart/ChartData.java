package dev.strata.warehouse.domain.chart;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Gold data for a chart, ordered by series and time. */
@FunctionalInterface
public interface ChartData {

  CompletionStage<List<ChartPoint>> points(ChartRequest request);
}
