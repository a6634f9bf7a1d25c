package dev.strata.warehouse.adapter.out.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.warehouse.domain.chart.ChartSet;
import dev.strata.warehouse.domain.chart.ChartSetDocument;
import dev.strata.warehouse.domain.chart.ChartSets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** {@code docs.chart_sets}: each set's JSON document by name, with its version and times. */
public class DuckDbChartSets implements ChartSets {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UPSERT = """
      INSERT INTO docs.chart_sets (name, document, version, created_at, updated_at)
      VALUES (?, ?, 1, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ))
      ON CONFLICT (name) DO UPDATE SET document = excluded.document, version = docs.chart_sets.version + 1,
        updated_at = excluded.updated_at""";
  private static final String COLUMNS = "name, document, version, created_at, updated_at";

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbChartSets(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
  }

  @Override
  public CompletionStage<StoredChartSet> save(ChartSet set, Instant at) {
    return CompletableFuture.supplyAsync(() -> {
      String document = json(set);
      return warehouse.write(connection -> {
        try (PreparedStatement st = connection.prepareStatement(UPSERT)) {
          st.setString(1, set.name());
          st.setString(2, document);
          st.setString(3, at.toString());
          st.setString(4, at.toString());
          st.executeUpdate();
        }
        try (PreparedStatement st = connection.prepareStatement("SELECT " + COLUMNS + " FROM docs.chart_sets WHERE name = ?")) {
          st.setString(1, set.name());
          return read(st.executeQuery()).getFirst();
        }
      });
    }, executor);
  }

  @Override
  public CompletionStage<Optional<StoredChartSet>> find(String name) {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement("SELECT " + COLUMNS + " FROM docs.chart_sets WHERE name = ?")) {
        st.setString(1, name);
        return read(st.executeQuery()).stream().findFirst();
      }
    }), executor);
  }

  @Override
  public CompletionStage<List<StoredChartSet>> list(int limit) {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement("SELECT " + COLUMNS + " FROM docs.chart_sets ORDER BY name LIMIT ?")) {
        st.setInt(1, limit);
        return read(st.executeQuery());
      }
    }), executor);
  }

  @Override
  public CompletionStage<Boolean> delete(String name) {
    return CompletableFuture.supplyAsync(() -> warehouse.write(connection -> {
      try (PreparedStatement st = connection.prepareStatement("DELETE FROM docs.chart_sets WHERE name = ?")) {
        st.setString(1, name);
        return st.executeUpdate() > 0;
      }
    }), executor);
  }

  private static List<StoredChartSet> read(ResultSet rs) throws SQLException {
    List<StoredChartSet> sets = new ArrayList<>();
    while (rs.next()) {
      String name = rs.getString("name");
      ChartSet set;
      try {
        set = ChartSetDocument.parse(name, JSON.readValue(rs.getString("document"), Object.class));
      } catch (JsonProcessingException e) {
        throw new SQLException("chart set " + name + " is not stored as JSON", e);
      }
      sets.add(new StoredChartSet(set, rs.getInt("version"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")));
    }
    return sets;
  }

  private static String json(ChartSet set) {
    try {
      return JSON.writeValueAsString(set.document());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a chart set document is plain JSON", e);
    }
  }
}
