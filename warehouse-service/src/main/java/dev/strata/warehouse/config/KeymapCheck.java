package dev.strata.warehouse.config;

import dev.strata.warehouse.adapter.out.files.YamlKeymapSource;
import dev.strata.warehouse.application.ValidateKeymap;
import dev.strata.warehouse.settings.WarehouseConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Validates the dataset keymap at start; an invalid one (or a differing one in strict mode) stops the start. */
@ApplicationScoped
public class KeymapCheck {

  private static final Logger LOG = Logger.getLogger(KeymapCheck.class);

  void onStart(@Observes StartupEvent event, WarehouseConfig config) {
    var keymap = new YamlKeymapSource(config.keymap().location(), Thread.currentThread().getContextClassLoader());
    new ValidateKeymap(keymap, config.keymap().strict()).run()
        .forEach(warning -> LOG.warnf("dataset keymap: %s", warning));
  }
}
