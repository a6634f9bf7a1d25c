package dev.strata.warehouse.domain.chart;

import java.util.List;

/** Gold data for a chart, ordered by series and time. */
@FunctionalInterface
public interface ChartData {

  List<ChartPoint> points(ChartRequest request);
}
