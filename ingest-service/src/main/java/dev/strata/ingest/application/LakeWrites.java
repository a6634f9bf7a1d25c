package dev.strata.ingest.application;

import dev.strata.ingest.domain.lake.BronzeLake;
import dev.strata.ingest.domain.lake.LandedFile;
import java.util.ArrayList;
import java.util.List;

/** Writes several files as one: when one fails, the ones already landed are removed again. */
final class LakeWrites {

  /** One file to land. */
  @FunctionalInterface
  interface Write {
    LandedFile land();
  }

  private LakeWrites() {}

  static List<LandedFile> all(BronzeLake lake, List<Write> writes) {
    List<LandedFile> landed = new ArrayList<>(writes.size());
    try {
      for (Write write : writes) {
        landed.add(write.land());
      }
      return landed;
    } catch (RuntimeException e) {
      lake.remove(landed);
      throw e;
    }
  }
}
