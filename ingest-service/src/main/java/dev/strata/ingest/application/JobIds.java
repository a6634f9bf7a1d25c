package dev.strata.ingest.application;

import dev.strata.kernel.value.SafeName;
import java.util.UUID;

/** Job ids name files in the lake, so a caller's id must be a safe file name. */
final class JobIds {

  private JobIds() {}

  static String orNew(String requested) {
    return requested == null || requested.isBlank() ? UUID.randomUUID().toString() : require(requested);
  }

  static String require(String id) {
    return SafeName.FILE_NAME.require(id);
  }
}
