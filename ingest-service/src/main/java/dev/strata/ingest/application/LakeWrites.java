package dev.strata.ingest.application;

import dev.strata.ingest.domain.lake.BronzeLake;
import dev.strata.ingest.domain.lake.LandedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes several files as one (the usage events of a batch, one file per day): the files of
 * different partitions are written in parallel (each takes only its own partition's lock), and when
 * one fails the ones already landed are removed again, so the batch lands whole or not at all. Bars
 * do this inside the lake adapter, which writes all their partitions with one COPY.
 */
final class LakeWrites {

  /** One file to land. */
  @FunctionalInterface
  interface Write {
    LandedFile land();
  }

  private LakeWrites() {}

  static List<LandedFile> all(BronzeLake lake, List<Write> writes) {
    var landed = new ConcurrentLinkedQueue<LandedFile>();
    var failures = new ConcurrentLinkedQueue<RuntimeException>();
    writes.parallelStream().forEach(write -> {
      try {
        landed.add(write.land());
      } catch (RuntimeException e) {
        failures.add(e);
      }
    });
    if (!failures.isEmpty()) {
      lake.remove(List.copyOf(landed));
      throw failures.peek();
    }
    List<LandedFile> ordered = new ArrayList<>(landed);
    ordered.sort(Comparator.comparing(LandedFile::path));
    return ordered;
  }
}
