package dev.strata.warehouse.domain.compaction;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import java.util.List;

/** Small files of one dataset identity in one lake partition, to be rewritten as one file. */
public record CompactionGroup(String partition, DatasetIdentity identity, List<LakeFile> files) {

  public CompactionGroup {
    files = List.copyOf(files);
  }
}
