package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.support.files.FileChecksum;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.Watermark;
import dev.strata.warehouse.domain.promotion.AuditMetrics;
import dev.strata.warehouse.domain.promotion.Medallion;
import dev.strata.warehouse.domain.promotion.PromotionAudit;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import dev.strata.warehouse.domain.promotion.PromotionPlan;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Write-audit-publish on DuckDB, in one writer transaction: the plan's Parquet files are staged in
 * temp tables, measured and judged by the audit; only then are silver (MERGE, latest ingestion
 * wins) and gold (the affected range rebuilt) published, the watermarks advanced and the files
 * marked promoted. A refused audit publishes nothing and records why.
 *
 * <p>A file is promoted only as it was announced: before staging, its SHA-256 and its row count must be
 * those of its {@code dataset.ingested} message. A file changed or cut short since ingest wrote it is
 * marked rejected with the difference as its reason, and the plan's other files go on.
 */
public class DuckDbMedallion implements Medallion {

  private final DuckDbWarehouse warehouse;
  private final Executor executor;
  private final LakePaths lake;
  private final PromotionRecords records = new PromotionRecords();

  public DuckDbMedallion(DuckDbWarehouse warehouse, Path lakeRoot, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
    this.lake = new LakePaths(lakeRoot);
  }

  @Override
  public CompletionStage<PromotionOutcome> promote(PromotionPlan plan, PromotionAudit audit) {
    return CompletableFuture.supplyAsync(() -> warehouse.write(connection -> {
      List<FileIngestion> files = records.stillBronze(connection, plan.files());
      List<FileIngestion> readable = new ArrayList<>();
      for (FileIngestion file : files) {
        String refusal = refusal(connection, file);
        if (refusal == null) {
          readable.add(file);
        } else {
          records.mark(connection, file, FileIngestion.REJECTED, plan.promotionId(), refusal);
        }
      }
      if (readable.isEmpty()) {
        return new PromotionOutcome(plan.promotionId(), plan.kind(), plan.dataset().identity(), PromotionOutcome.NOTHING,
            0, 0, 0, 0, files.isEmpty() ? List.of() : List.of("no readable bronze file"));
      }
      PromotionPlan effective = new PromotionPlan(plan.promotionId(), plan.trigger(), plan.dataset(), readable);
      return promote(connection, effective, LayerSql.of(plan.kind(), plan.dataset().keyColumns()), audit);
    }), executor);
  }

  private PromotionOutcome promote(Connection connection, PromotionPlan plan, LayerSql sql, PromotionAudit audit)
      throws SQLException {
    var started = java.time.Instant.now();
    try (Statement st = connection.createStatement()) {
      stage(st, plan, sql);
      long bronzeRows = count(st, "SELECT count(*) FROM bronze_input");
      AuditMetrics metrics = measure(st, sql);
      List<String> failures = audit.failures(metrics);
      var outcome = new PromotionOutcome(plan.promotionId(), plan.kind(), plan.dataset().identity(),
          failures.isEmpty() ? PromotionOutcome.PUBLISHED : PromotionOutcome.REFUSED, plan.files().size(), bronzeRows,
          metrics.silverStaged(), metrics.goldStaged(), failures);
      if (failures.isEmpty()) {
        st.execute(sql.mergeSilver());
        st.execute(sql.layout().deleteGold());
        st.execute("INSERT INTO " + sql.layout().goldTable() + " BY NAME SELECT * FROM stage_gold");
        records.advance(connection, Watermark.spanning(plan.files()));
      }
      String status = failures.isEmpty() ? FileIngestion.PROMOTED : FileIngestion.REJECTED;
      for (FileIngestion file : plan.files()) {
        records.mark(connection, file, status, plan.promotionId(), failures.isEmpty() ? null : String.join("; ", failures));
      }
      records.insert(connection, plan, outcome, started);
      for (String temp : List.of("stage_gold", "merged", "ranges", "stage_silver", "bronze_input")) {
        st.execute("DROP TABLE IF EXISTS " + temp);
      }
      return outcome;
    }
  }

  private void stage(Statement st, PromotionPlan plan, LayerSql sql) throws SQLException {
    String files = plan.files().stream().map(file -> Sql.literal(resolve(file).toString()))
        .collect(Collectors.joining(", ", "[", "]"));
    // the file's own columns are the truth: DuckDB would otherwise let frame=/symbol= path parts override them
    st.execute("CREATE OR REPLACE TEMP TABLE bronze_input AS SELECT " + sql.bronzeColumns()
        + " FROM read_parquet(" + files + ", union_by_name = true, hive_partitioning = false)");
    st.execute("CREATE OR REPLACE TEMP TABLE stage_silver AS SELECT * FROM bronze_input QUALIFY row_number() OVER "
        + "(PARTITION BY " + sql.keyColumns() + " ORDER BY ingested_at DESC, job_id DESC) = 1");
    st.execute("CREATE OR REPLACE TEMP TABLE ranges AS " + sql.layout().ranges());
    st.execute("CREATE OR REPLACE TEMP TABLE merged AS SELECT s.* FROM stage_silver s WHERE NOT EXISTS (SELECT 1 FROM "
        + sql.layout().silverTable() + " t WHERE " + sql.keyMatch() + " AND t.ingested_at > s.ingested_at) UNION ALL "
        + sql.mergedFromSilver());
    st.execute("CREATE OR REPLACE TEMP TABLE stage_gold AS " + sql.layout().stageGold());
  }

  private static AuditMetrics measure(Statement st, LayerSql sql) throws SQLException {
    long silverDuplicates = count(st, "SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT " + sql.keyColumns()
        + " FROM stage_silver)) FROM stage_silver");
    long goldDuplicates = count(st, "SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT " + sql.layout().goldKey()
        + " FROM stage_gold)) FROM stage_gold");
    return new AuditMetrics(
        count(st, "SELECT count(*) FROM (SELECT DISTINCT " + sql.keyColumns() + " FROM bronze_input)"),
        count(st, "SELECT count(*) FROM stage_silver"),
        count(st, "SELECT count(*) FROM stage_silver WHERE " + sql.nullKey()),
        silverDuplicates + goldDuplicates,
        count(st, sql.layout().ohlcViolations()),
        count(st, sql.layout().goldExpected()),
        count(st, "SELECT count(*) FROM stage_gold"));
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Why {@code file} may not be promoted, or null when it is the file that was announced. */
  private String refusal(Connection connection, FileIngestion file) throws SQLException {
    Path path = resolve(file);
    if (path == null) {
      return "file missing or outside the lake";
    }
    // the checksum first: DuckDB reads only a file that is what ingest wrote (a failed read would end the transaction)
    String sha256;
    try {
      sha256 = FileChecksum.sha256(path);
    } catch (java.io.IOException e) {
      return "unreadable: " + e.getMessage();
    }
    if (!sha256.equalsIgnoreCase(file.sha256())) {
      return "sha256 " + sha256 + " differs from the announced " + file.sha256();
    }
    long rows;
    try (var st = connection.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + Sql.literal(path.toString()) + ")")) {
      rs.next();
      rows = rs.getLong(1);
    }
    return rows == file.rowCount() ? null : rows + " rows, not the announced " + file.rowCount();
  }

  /** The file's absolute path inside the lake, or null when it is unsafe or missing. */
  private Path resolve(FileIngestion file) {
    return lake.file(file.path());
  }
}
