package dev.strata.warehouse.config;

import dev.strata.warehouse.adapter.out.duckdb.DuckDbSilverKeys;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbWarehouse;
import dev.strata.warehouse.adapter.out.files.YamlKeymapSource;
import dev.strata.warehouse.application.ValidateKeymap;
import dev.strata.warehouse.domain.keymap.Keymap;
import dev.strata.warehouse.settings.WarehouseConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The dataset keymap promotion goes by, read and checked once at start against the migrated schema: an
 * invalid one, or one whose keys are not the silver tables' (or, in strict mode, one that differs from
 * the datasets ingest lands), stops the start.
 */
public class KeymapCheck {

  private static final Logger LOG = Logger.getLogger(KeymapCheck.class);

  // @Startup: a bad keymap must stop the service at start, not at its first promotion
  @Produces
  @Singleton
  @Startup
  Keymap keymap(WarehouseConfig config, DuckDbWarehouse warehouse) {
    var source = new YamlKeymapSource(config.keymap().location(), Thread.currentThread().getContextClassLoader(),
        UseCases.blocking());
    var checked = new ValidateKeymap(source, new DuckDbSilverKeys(warehouse, UseCases.blocking()), config.keymap().strict())
        .run().await().indefinitely();
    checked.warnings().forEach(warning -> LOG.warnf("dataset keymap: %s", warning));
    LOG.infof("dataset keymap %s: %d datasets", checked.keymap().source(), checked.keymap().entries().size());
    return checked.keymap();
  }
}
