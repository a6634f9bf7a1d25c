package dev.strata.warehouse.domain.compaction;

import dev.strata.warehouse.domain.ledger.FileIngestion;

/** A promoted bronze file as it sits in the lake: its ledger entry and its size on disk. */
public record LakeFile(FileIngestion entry, long bytes) {

  /** The lake folder (partition) the file is in: its path without the file name. */
  public String partition() {
    String path = entry.path();
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
