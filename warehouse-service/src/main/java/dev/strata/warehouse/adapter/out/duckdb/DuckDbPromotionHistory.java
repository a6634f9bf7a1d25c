package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.warehouse.domain.ledger.LayerWatermark;
import dev.strata.warehouse.domain.ledger.PromotionHistory;
import dev.strata.warehouse.domain.ledger.PromotionRun;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** {@link PromotionHistory} from {@code ops.promotions} and {@code ops.watermarks}. */
public class DuckDbPromotionHistory implements PromotionHistory {

  private static final String PROMOTIONS = """
      SELECT promotion_id, trigger, kind, started_at, finished_at, status, files, bronze_rows, silver_rows, gold_rows,
        input_watermarks, reason
      FROM ops.promotions ORDER BY started_at DESC, promotion_id LIMIT ?""";
  private static final String WATERMARKS =
      "SELECT layer, identity_key, coverage_to, updated_at FROM ops.watermarks ORDER BY layer, identity_key";

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbPromotionHistory(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
  }

  @Override
  public CompletionStage<List<PromotionRun>> promotions(int limit) {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement(PROMOTIONS)) {
        st.setInt(1, limit);
        List<PromotionRun> runs = new ArrayList<>();
        try (var rs = st.executeQuery()) {
          while (rs.next()) {
            runs.add(new PromotionRun(rs.getString("promotion_id"), rs.getString("trigger"), rs.getString("kind"),
                Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"), rs.getString("status"), rs.getInt("files"),
                rs.getLong("bronze_rows"), rs.getLong("silver_rows"), rs.getLong("gold_rows"), rs.getString("input_watermarks"),
                rs.getString("reason")));
          }
        }
        return runs;
      }
    }), executor);
  }

  @Override
  public CompletionStage<List<LayerWatermark>> watermarks() {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      List<LayerWatermark> watermarks = new ArrayList<>();
      try (var rs = connection.createStatement().executeQuery(WATERMARKS)) {
        while (rs.next()) {
          watermarks.add(new LayerWatermark(rs.getString("layer"), rs.getString("identity_key"), Sql.instant(rs, "coverage_to"),
              Sql.instant(rs, "updated_at")));
        }
      }
      return watermarks;
    }), executor);
  }
}
