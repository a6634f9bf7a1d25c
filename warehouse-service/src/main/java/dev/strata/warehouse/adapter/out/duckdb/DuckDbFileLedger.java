package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.FileLedger;
import dev.strata.warehouse.domain.ledger.Watermark;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code ops.file_ingestions}, MERGEd on (run_id, file_id): a redelivered announcement changes nothing, a changed
 * file (another checksum, row count or path) replaces its entry and is promotable again; and the bronze
 * watermark per identity.
 */
public class DuckDbFileLedger implements FileLedger {

  private static final String MERGE = """
      MERGE INTO ops.file_ingestions AS t
      USING (SELECT ? AS run_id, ? AS file_id, ? AS domain, ? AS source, ? AS dataset, ? AS discriminator,
                    ? AS ticker, CAST(? AS TIMESTAMPTZ) AS coverage_from, CAST(? AS TIMESTAMPTZ) AS coverage_to,
                    CAST(? AS BIGINT) AS row_count, ? AS sha256, ? AS path, CAST(? AS TIMESTAMPTZ) AS received_at) AS s
      ON t.run_id = s.run_id AND t.file_id = s.file_id
      WHEN MATCHED AND (t.sha256 IS DISTINCT FROM s.sha256 OR t.row_count <> s.row_count OR t.path <> s.path) THEN UPDATE SET
          coverage_from = s.coverage_from, coverage_to = s.coverage_to, row_count = s.row_count, sha256 = s.sha256,
          path = s.path, received_at = s.received_at, status = 'bronze', promotion_id = NULL, reason = NULL
      WHEN NOT MATCHED THEN INSERT (run_id, file_id, domain, source, dataset, discriminator, ticker, coverage_from,
          coverage_to, row_count, sha256, path, received_at, status)
        VALUES (s.run_id, s.file_id, s.domain, s.source, s.dataset, s.discriminator, s.ticker, s.coverage_from,
          s.coverage_to, s.row_count, s.sha256, s.path, s.received_at, 'bronze')""";

  private static final String BRONZE_WATERMARK = """
      INSERT INTO ops.watermarks (layer, identity_key, coverage_to, updated_at)
      VALUES ('bronze', ?, CAST(? AS TIMESTAMPTZ), now())
      ON CONFLICT (layer, identity_key) DO UPDATE
        SET coverage_to = greatest(ops.watermarks.coverage_to, excluded.coverage_to), updated_at = now()""";

  static final String COLUMNS = "run_id, file_id, domain, source, dataset, discriminator, ticker, coverage_from, "
      + "coverage_to, row_count, sha256, path, received_at, status, reason";

  private static final String REQUEUE = """
      UPDATE ops.file_ingestions SET status = 'bronze', promotion_id = NULL, reason = NULL
      WHERE run_id = ? AND file_id = ? AND status = 'rejected'""";

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbFileLedger(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
  }

  @Override
  public CompletionStage<Void> record(FileIngestion file) {
    return CompletableFuture.runAsync(() -> warehouse.write(connection -> {
      int inserted;
      try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
        DatasetIdentity id = file.identity();
        Object[] values = {file.runId(), file.fileId(), id.domain(), id.source(), id.dataset(),
            nullToEmpty(id.discriminator()), nullToEmpty(id.ticker()), text(file.coverageFrom()), text(file.coverageTo()),
            file.rowCount(), file.sha256(), file.path(), text(file.receivedAt())};
        for (int i = 0; i < values.length; i++) {
          merge.setObject(i + 1, values[i]);
        }
        inserted = merge.executeUpdate();
      }
      // a redelivered announcement must not move the watermark either (a changed file may)
      if (inserted > 0 && file.coverageTo() != null) {
        try (PreparedStatement watermark = connection.prepareStatement(BRONZE_WATERMARK)) {
          watermark.setString(1, Watermark.key(file.identity()));
          watermark.setString(2, file.coverageTo().toString());
          watermark.executeUpdate();
        }
      }
      return null;
    }), executor);
  }

  @Override
  public CompletionStage<Requeue> requeue(String runId, String fileId) {
    return CompletableFuture.supplyAsync(() -> warehouse.write(connection -> {
      try (PreparedStatement update = connection.prepareStatement(REQUEUE)) {
        update.setString(1, runId);
        update.setString(2, fileId);
        if (update.executeUpdate() == 1) {
          return Requeue.REQUEUED;
        }
      }
      try (PreparedStatement exists = connection.prepareStatement(
          "SELECT 1 FROM ops.file_ingestions WHERE run_id = ? AND file_id = ?")) {
        exists.setString(1, runId);
        exists.setString(2, fileId);
        try (var rs = exists.executeQuery()) {
          return rs.next() ? Requeue.NOT_REJECTED : Requeue.UNKNOWN;
        }
      }
    }), executor);
  }

  @Override
  public CompletionStage<Void> reject(FileIngestion file, String reason) {
    return CompletableFuture.runAsync(() -> warehouse.write(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE ops.file_ingestions SET status = 'rejected', "
          + "promotion_id = NULL, reason = ? WHERE run_id = ? AND file_id = ? AND status = 'bronze'")) {
        update.setString(1, reason);
        update.setString(2, file.runId());
        update.setString(3, file.fileId());
        update.executeUpdate();
      }
      return null;
    }), executor);
  }

  @Override
  public CompletionStage<java.util.Optional<FileIngestion>> find(String runId, String fileId) {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM ops.file_ingestions WHERE run_id = ? AND file_id = ?")) {
        st.setString(1, runId);
        st.setString(2, fileId);
        return read(st.executeQuery()).stream().findFirst();
      }
    }), executor);
  }

  @Override
  public CompletionStage<List<FileIngestion>> promotable() {
    return CompletableFuture.supplyAsync(() -> query("SELECT " + COLUMNS + " FROM ops.file_ingestions WHERE status = 'bronze' "
        + "ORDER BY received_at, run_id, file_id", -1), executor);
  }

  @Override
  public CompletionStage<java.util.Optional<java.time.Instant>> coveredTo(String layer, DatasetIdentity identity) {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement(
          "SELECT coverage_to FROM ops.watermarks WHERE layer = ? AND identity_key = ?")) {
        st.setString(1, layer);
        st.setString(2, Watermark.key(identity));
        try (var rs = st.executeQuery()) {
          return rs.next() ? java.util.Optional.of(Sql.instant(rs, "coverage_to")) : java.util.Optional.empty();
        }
      }
    }), executor);
  }

  @Override
  public CompletionStage<List<FileIngestion>> recent(int limit) {
    return CompletableFuture.supplyAsync(() -> query(
        "SELECT " + COLUMNS + " FROM ops.file_ingestions ORDER BY received_at DESC, run_id, file_id LIMIT ?", limit), executor);
  }

  private List<FileIngestion> query(String sql, int limit) {
    return warehouse.read(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        if (limit >= 0) {
          statement.setInt(1, limit);
        }
        return read(statement.executeQuery());
      }
    });
  }

  static List<FileIngestion> read(ResultSet rs) throws SQLException {
    List<FileIngestion> files = new ArrayList<>();
    while (rs.next()) {
      var identity = new DatasetIdentity(rs.getString("domain"), rs.getString("source"), rs.getString("dataset"),
          emptyToNull(rs.getString("discriminator")), emptyToNull(rs.getString("ticker")));
      files.add(new FileIngestion(rs.getString("run_id"), rs.getString("file_id"), identity,
          Sql.instant(rs, "coverage_from"), Sql.instant(rs, "coverage_to"), rs.getLong("row_count"),
          rs.getString("sha256"), rs.getString("path"), Sql.instant(rs, "received_at"), rs.getString("status"),
          rs.getString("reason")));
    }
    return files;
  }

  private static String text(java.time.Instant instant) {
    return instant == null ? null : instant.toString();
  }

  // NULL discriminator/ticker are stored as '' so the identity compares as the watermark key does
  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
