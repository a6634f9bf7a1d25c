package dev.strata.warehouse.domain.keymap;

import dev.strata.kernel.messaging.contract.DatasetKind;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The primary key the schema gives the silver table of each promotion layout. */
@FunctionalInterface
public interface SilverKeys {

  CompletionStage<SilverKey> of(DatasetKind layout);

  /** A silver table and the columns of its primary key. */
  record SilverKey(String table, List<String> columns) {

    public SilverKey {
      columns = List.copyOf(columns);
    }
  }
}
