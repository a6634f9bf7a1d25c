package dev.strata.warehouse.config;

import dev.strata.warehouse.adapter.out.duckdb.DuckDbChartData;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbChartSets;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbCustomerFeatures;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbCustomers;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbFileLedger;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbLakeCompactions;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbLayerSizes;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbMedallion;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbQueryRunner;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbPromotionHistory;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbRunOverviews;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbSchemaHistory;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbWarehouse;
import dev.strata.warehouse.adapter.out.files.MigrationFolders;
import dev.strata.warehouse.application.ApplyMigrations;
import dev.strata.warehouse.domain.migration.Migration;
import dev.strata.warehouse.settings.WarehouseConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Opens the DuckDB file and migrates it before anything can use it (a refused migration stops
 * the start), then offers the DuckDB adapters of the ports.
 */
public class WarehouseStore {

  private static final Logger LOG = Logger.getLogger(WarehouseStore.class);

  // @Startup: a refused migration must stop the service at start, not at its first request
  @Produces
  @Singleton
  @io.quarkus.runtime.Startup
  DuckDbWarehouse warehouse(WarehouseConfig config) {
    DuckDbWarehouse warehouse = DuckDbWarehouse.open(config.database().path(), DuckDbSettings.of(config.database()));
    try {
      var migrations = new ApplyMigrations(
          new MigrationFolders(config.migrations().locations(), Thread.currentThread().getContextClassLoader(),
              UseCases.blocking()),
          new DuckDbSchemaHistory(warehouse, UseCases.blocking()));
      // the start waits: nothing may use the warehouse before it is migrated
      for (Migration migration : migrations.run().await().indefinitely()) {
        LOG.infof("applied DuckDB migration %s (sha256 %s)", migration.fileName(), migration.sha256());
      }
    } catch (RuntimeException e) {
      warehouse.close();
      throw e;
    }
    return warehouse;
  }

  void close(@Disposes DuckDbWarehouse warehouse) {
    warehouse.close();
  }

  @Produces
  @Singleton
  DuckDbFileLedger ledger(DuckDbWarehouse warehouse) {
    return new DuckDbFileLedger(warehouse, UseCases.blocking());
  }

  @Produces
  @Singleton
  DuckDbMedallion medallion(DuckDbWarehouse warehouse, WarehouseConfig config) {
    return new DuckDbMedallion(warehouse, config.lake().root(), UseCases.blocking());
  }

  @Produces
  @Singleton
  DuckDbLakeCompactions lakeCompactions(DuckDbWarehouse warehouse, WarehouseConfig config) {
    return new DuckDbLakeCompactions(warehouse, config.lake().root(), UseCases.blocking());
  }

  @Produces
  @Singleton
  DuckDbCustomers customers(DuckDbWarehouse warehouse) {
    return new DuckDbCustomers(warehouse, UseCases.blocking());
  }

  @Produces
  @Singleton
  DuckDbCustomerFeatures customerFeatures(DuckDbWarehouse warehouse) {
    return new DuckDbCustomerFeatures(warehouse, UseCases.blocking());
  }

  @Produces
  @Singleton
  DuckDbRunOverviews runOverviews(DuckDbWarehouse warehouse) {
    return new DuckDbRunOverviews(warehouse, UseCases.blocking());
  }

  @Produces
  @Singleton
  DuckDbPromotionHistory promotionHistory(DuckDbWarehouse warehouse) {
    return new DuckDbPromotionHistory(warehouse, UseCases.blocking());
  }

  @Produces
  @Singleton
  DuckDbLayerSizes layerSizes(DuckDbWarehouse warehouse) {
    return new DuckDbLayerSizes(warehouse, UseCases.blocking());
  }

  @Produces
  @Singleton
  DuckDbChartData chartData(DuckDbWarehouse warehouse) {
    return new DuckDbChartData(warehouse, UseCases.blocking());
  }

  @Produces
  @Singleton
  DuckDbChartSets chartSets(DuckDbWarehouse warehouse) {
    return new DuckDbChartSets(warehouse, UseCases.blocking());
  }

  @Produces
  @Singleton
  DuckDbQueryRunner queries(DuckDbWarehouse warehouse) {
    return new DuckDbQueryRunner(warehouse, UseCases.blocking());
  }
}
