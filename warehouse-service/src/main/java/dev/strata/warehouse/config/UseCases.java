package dev.strata.warehouse.config;

import dev.strata.warehouse.adapter.out.duckdb.DuckDbChartData;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbChartSets;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbCustomerFeatures;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbCustomers;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbFileLedger;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbLayerSizes;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbMedallion;
import dev.strata.warehouse.adapter.out.micrometer.MeteredMedallion;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbQueryRunner;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbPromotionHistory;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbRunOverviews;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbLakeCompactions;
import dev.strata.warehouse.application.BuildChart;
import dev.strata.warehouse.application.CompactLake;
import dev.strata.warehouse.application.ManageChartSets;
import dev.strata.warehouse.domain.compaction.CompactionPolicy;
import dev.strata.warehouse.application.CustomerQueries;
import dev.strata.warehouse.application.ImportCustomers;
import dev.strata.warehouse.application.OpsQueries;
import dev.strata.warehouse.application.PromoteDatasets;
import dev.strata.warehouse.application.RetryRejectedFile;
import dev.strata.warehouse.application.ReadCustomerFeatures;
import dev.strata.warehouse.application.RecordDatasetIngestion;
import dev.strata.warehouse.application.RunNamedQuery;
import dev.strata.warehouse.domain.keymap.Keymap;
import dev.strata.warehouse.settings.WarehouseConfig;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The composition root: builds each use case from its ports. The adapters complete their stages on the worker
 * pool ({@link #blocking}): DuckDB and file calls block, and a use case may be subscribed on the event loop.
 */
public class UseCases {

  static Executor blocking() {
    return Infrastructure.getDefaultWorkerPool();
  }

  @Produces
  @Singleton
  @Startup // its counters exist at zero from the start, before the first promotion
  PromoteDatasets promoteDatasets(DuckDbFileLedger ledger, DuckDbMedallion medallion, Keymap keymap, WarehouseConfig config,
      MeterRegistry meters) {
    return new PromoteDatasets(ledger, new MeteredMedallion(medallion, meters, Clock.systemUTC()), keymap,
        config.promotion().maxRowLoss());
  }

  @Produces
  @Singleton
  RecordDatasetIngestion recordDatasetIngestion(DuckDbFileLedger ledger, PromoteDatasets promote) {
    return new RecordDatasetIngestion(ledger, promote, Clock.systemUTC());
  }

  @Produces
  @Singleton
  ImportCustomers importCustomers(DuckDbCustomers customers) {
    return new ImportCustomers(customers);
  }

  @Produces
  @Singleton
  CustomerQueries customerQueries(DuckDbCustomers customers) {
    return new CustomerQueries(customers, customers);
  }

  @Produces
  @Singleton
  ReadCustomerFeatures readCustomerFeatures(DuckDbCustomerFeatures features) {
    return new ReadCustomerFeatures(features);
  }

  @Produces
  @Singleton
  OpsQueries opsQueries(DuckDbRunOverviews runs, DuckDbFileLedger ledger, DuckDbLayerSizes layers, DuckDbPromotionHistory history) {
    return new OpsQueries(runs, ledger, layers, history);
  }

  @Produces
  @Singleton
  RetryRejectedFile retryRejectedFile(DuckDbFileLedger ledger, Keymap keymap, PromoteDatasets promote) {
    return new RetryRejectedFile(ledger, keymap, promote);
  }

  @Produces
  @Singleton
  CompactLake compactLake(DuckDbLakeCompactions lake, Keymap keymap, WarehouseConfig config) {
    var compaction = config.compaction();
    return new CompactLake(lake, keymap,
        new CompactionPolicy(compaction.minFiles(), compaction.smallFileSize().asLongValue(), compaction.minAge()),
        Clock.systemUTC());
  }

  @Produces
  @Singleton
  BuildChart buildChart(DuckDbChartData data) {
    return new BuildChart(data);
  }

  @Produces
  @Singleton
  ManageChartSets manageChartSets(DuckDbChartSets sets, DuckDbChartData data) {
    return new ManageChartSets(sets, data, Clock.systemUTC());
  }

  @Produces
  @Singleton
  RunNamedQuery runNamedQuery(DuckDbQueryRunner runner) {
    return new RunNamedQuery(runner);
  }
}
