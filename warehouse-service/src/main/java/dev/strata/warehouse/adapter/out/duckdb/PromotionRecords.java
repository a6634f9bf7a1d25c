package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.Watermark;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import dev.strata.warehouse.domain.promotion.PromotionPlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The ops bookkeeping of a promotion, inside its transaction: file status, watermarks, the run. */
final class PromotionRecords {

  /** The files of {@code files} still waiting (another promotion may have taken them meanwhile). */
  List<FileIngestion> stillBronze(Connection connection, List<FileIngestion> files) throws SQLException {
    List<FileIngestion> waiting = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT status FROM ops.file_ingestions WHERE run_id = ? AND file_id = ?")) {
      for (FileIngestion file : files) {
        st.setString(1, file.runId());
        st.setString(2, file.fileId());
        try (var rs = st.executeQuery()) {
          if (rs.next() && FileIngestion.BRONZE.equals(rs.getString(1))) {
            waiting.add(file);
          }
        }
      }
    }
    return waiting;
  }

  void mark(Connection connection, FileIngestion file, String status, String promotionId, String reason)
      throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(
        "UPDATE ops.file_ingestions SET status = ?, promotion_id = ?, reason = ? WHERE run_id = ? AND file_id = ?")) {
      st.setString(1, status);
      st.setString(2, promotionId);
      st.setString(3, reason);
      st.setString(4, file.runId());
      st.setString(5, file.fileId());
      st.executeUpdate();
    }
  }

  /** Moves the silver and gold watermarks forward (never back) to the promoted coverage. */
  void advance(Connection connection, List<Watermark> watermarks) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("""
        INSERT INTO ops.watermarks (layer, identity_key, coverage_to, updated_at)
        VALUES (?, ?, CAST(? AS TIMESTAMPTZ), now())
        ON CONFLICT (layer, identity_key) DO UPDATE
          SET coverage_to = greatest(ops.watermarks.coverage_to, excluded.coverage_to), updated_at = now()""")) {
      for (Watermark watermark : watermarks) {
        if (watermark.coverageTo() == null) {
          continue;
        }
        for (String layer : List.of("silver", "gold")) {
          st.setString(1, layer);
          st.setString(2, watermark.identityKey());
          st.setString(3, watermark.coverageTo().toString());
          st.executeUpdate();
        }
      }
    }
  }

  void insert(Connection connection, PromotionPlan plan, PromotionOutcome outcome, Instant started) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("""
        INSERT INTO ops.promotions (promotion_id, trigger, kind, started_at, finished_at, status, files, bronze_rows,
          silver_rows, gold_rows, input_watermarks, reason)
        VALUES (?, ?, ?, CAST(? AS TIMESTAMPTZ), now(), ?, ?, ?, ?, ?, ?, ?)""")) {
      st.setString(1, plan.promotionId());
      st.setString(2, plan.trigger());
      st.setString(3, plan.kind().name().toLowerCase());
      st.setString(4, started.toString());
      st.setString(5, outcome.status());
      st.setInt(6, outcome.files());
      st.setLong(7, outcome.bronzeRows());
      st.setLong(8, outcome.silverRows());
      st.setLong(9, outcome.goldRows());
      st.setString(10, plan.inputWatermarks());
      st.setString(11, outcome.reasons().isEmpty() ? null : String.join("; ", outcome.reasons()));
      st.executeUpdate();
    }
  }
}
