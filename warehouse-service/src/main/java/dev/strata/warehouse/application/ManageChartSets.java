package dev.strata.warehouse.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.warehouse.domain.chart.ChartData;
import dev.strata.warehouse.domain.chart.ChartRequest;
import dev.strata.warehouse.domain.chart.ChartSetDocument;
import dev.strata.warehouse.domain.chart.ChartSets;
import dev.strata.warehouse.domain.chart.ChartSets.StoredChartSet;
import dev.strata.warehouse.domain.chart.VegaLite;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Chart sets as documents: stored (validated: a JSON object whose charts can all be drawn), listed, read, deleted,
 * and drawn, each chart a Vega-Lite spec from gold over its date range (or the range asked for).
 */
public class ManageChartSets {

  private final ChartSets sets;
  private final ChartData data;
  private final Clock clock;

  public ManageChartSets(ChartSets sets, ChartData data, Clock clock) {
    this.sets = sets;
    this.data = data;
    this.clock = clock;
  }

  /** A drawn chart set: its name, title and one Vega-Lite spec per chart. */
  public record Drawn(String name, String title, List<Map<String, Object>> charts) {}

  public Uni<StoredChartSet> save(String name, Object document) {
    var set = ChartSetDocument.parse(SafeName.IDENTIFIER.require(name), document);
    return Async.uni(() -> sets.save(set, clock.instant()));
  }

  public Uni<StoredChartSet> find(String name) {
    SafeName.IDENTIFIER.require(name);
    return Async.uni(() -> sets.find(name)).map(found -> found.orElseThrow(() -> notFound(name)));
  }

  public Uni<List<StoredChartSet>> list(int limit) {
    return Async.uni(() -> sets.list(Math.clamp(limit, 1, OpsQueries.MAX_LIMIT)));
  }

  public Uni<Void> delete(String name) {
    SafeName.IDENTIFIER.require(name);
    return Async.uni(() -> sets.delete(name)).invoke(deleted -> {
      if (!deleted) {
        throw notFound(name);
      }
    }).replaceWithVoid();
  }

  /** Each chart of the set drawn from gold; {@code from}/{@code to}, when given, replace every chart's own range. */
  public Uni<Drawn> draw(String name, Instant from, Instant to) {
    SafeName.IDENTIFIER.require(name);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new DomainException.Invalid("'from' must be before 'to'");
    }
    return Async.uni(() -> sets.find(name)).map(found -> found.orElseThrow(() -> notFound(name)).set())
        .chain(set -> Async.inTurn(set.charts(), chart -> {
          ChartRequest request = chart.request(from, to);
          return Async.uni(() -> data.points(request)).map(points -> VegaLite.spec(request, points));
        }).map(charts -> new Drawn(set.name(), set.title(), charts)));
  }

  private static DomainException.NotFound notFound(String name) {
    return new DomainException.NotFound("no chart set '" + name + "'");
  }
}
