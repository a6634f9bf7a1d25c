package dev.strata.ingest.adapter.out.parquet;

import java.nio.file.Path;

/**
 * Points inside a lake write that a test observes or interrupts (a crash before the rename, a
 * writer queued behind another process). The service passes {@link #NONE}.
 */
public interface WriteSeams {

  WriteSeams NONE = new WriteSeams() {};

  /** The partition's lock is held by another process, and this writer now waits for it. */
  default void waitingForAnotherProcess(Path partition) {}

  /** The temp file is complete and about to be renamed into place, still under the partition lock. */
  default void beforeRename(Path temp) {}
}
