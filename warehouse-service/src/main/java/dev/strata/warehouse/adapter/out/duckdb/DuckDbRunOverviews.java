package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.warehouse.domain.ledger.RunOverview;
import dev.strata.warehouse.domain.ledger.RunOverviews;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Ingest runs summarized from {@code ops.file_ingestions}. */
public class DuckDbRunOverviews implements RunOverviews {

  private static final String SQL = """
      SELECT run_id, min(received_at) AS started_at, max(received_at) AS last_file_at, count(*) AS files,
        sum(row_count) AS rows,
        CASE WHEN bool_or(status = 'rejected') THEN 'rejected'
             WHEN bool_and(status IN ('promoted', 'compacted')) THEN 'promoted' ELSE 'pending' END AS status
      FROM ops.file_ingestions %s GROUP BY run_id %s ORDER BY started_at DESC, run_id LIMIT ?""";
  private static final String DAYS = """
      SELECT DISTINCT CAST(timezone('UTC', started_at) AS DATE) AS day
      FROM (SELECT min(received_at) AS started_at FROM ops.file_ingestions GROUP BY run_id) ORDER BY day DESC LIMIT ?""";

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbRunOverviews(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
  }

  @Override
  public CompletionStage<List<RunOverview>> list(int limit) {
    return CompletableFuture.supplyAsync(() -> query(SQL.formatted("", ""), null, limit), executor);
  }

  @Override
  public CompletionStage<Optional<RunOverview>> find(String runId) {
    return CompletableFuture.supplyAsync(
        () -> query(SQL.formatted("WHERE run_id = ?", ""), runId, 1).stream().findFirst(), executor);
  }

  @Override
  public CompletionStage<List<RunOverview>> on(LocalDate day, int limit) {
    return CompletableFuture.supplyAsync(() -> query(
        SQL.formatted("", "HAVING CAST(timezone('UTC', min(received_at)) AS DATE) = CAST(? AS DATE)"), day.toString(), limit),
        executor);
  }

  @Override
  public CompletionStage<List<LocalDate>> days(int limit) {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement(DAYS)) {
        st.setInt(1, limit);
        List<LocalDate> days = new ArrayList<>();
        try (var rs = st.executeQuery()) {
          while (rs.next()) {
            days.add(rs.getObject("day", LocalDate.class));
          }
        }
        return days;
      }
    }), executor);
  }

  /** {@code sql} with one text parameter ({@code value}, unless null) before the limit. */
  private List<RunOverview> query(String sql, String value, int limit) {
    return warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement(sql)) {
        int index = 1;
        if (value != null) {
          st.setString(index++, value);
        }
        st.setInt(index, limit);
        List<RunOverview> runs = new ArrayList<>();
        try (var rs = st.executeQuery()) {
          while (rs.next()) {
            runs.add(new RunOverview(rs.getString("run_id"), Sql.instant(rs, "started_at"), Sql.instant(rs, "last_file_at"),
                rs.getInt("files"), rs.getLong("rows"), rs.getString("status")));
          }
        }
        return runs;
      }
    });
  }
}
