package dev.strata.ingest.adapter.out.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Serialises writers of one partition folder: across processes with an OS file lock on
 * {@code <folder>/.lock}, and across threads of this process with a lock per folder (the OS lock
 * is held per process, so two threads would otherwise both get it).
 */
final class PartitionLocks {

  static final String LOCK_FILE = ".lock";

  private static final Logger LOG = Logger.getLogger(PartitionLocks.class);

  private final ConcurrentHashMap<Path, ReentrantLock> local = new ConcurrentHashMap<>();
  private final WriteSeams seams;

  PartitionLocks(WriteSeams seams) {
    this.seams = seams;
  }

  <T> T locked(Path folder, Supplier<T> work) {
    ReentrantLock threadLock = local.computeIfAbsent(folder, any -> new ReentrantLock());
    threadLock.lock();
    try {
      Files.createDirectories(folder);
      try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock processLock = processLock(folder, channel)) {
        return work.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock partition " + folder, e);
    } finally {
      threadLock.unlock();
    }
  }

  /** Takes the OS lock, saying so first when another process holds it (a long wait is then explained in the log). */
  private FileLock processLock(Path folder, FileChannel channel) throws IOException {
    FileLock free = channel.tryLock();
    if (free != null) {
      return free;
    }
    LOG.infof("partition %s is being written by another process; waiting for its lock", folder);
    seams.waitingForAnotherProcess(folder);
    return channel.lock();
  }
}
