package dev.strata.ingest.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.strata.ingest.adapter.out.parquet.ParquetBronzeLake;
import dev.strata.ingest.adapter.out.parquet.WriteSeams;
import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.bar.ValidBar;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A separate process that writes a bar file and dies (no shutdown hooks, no finally blocks) right
 * after the temp file is complete and before the rename: a crash at the worst moment.
 */
public final class CrashingLakeWriter {

  static final int CRASH_EXIT = 137;

  private CrashingLakeWriter() {}

  public static void main(String[] args) {
    var lake = new ParquetBronzeLake(Path.of(args[0]), new ObjectMapper().registerModule(new JavaTimeModule()),
        new WriteSeams() {
          @Override
          public void beforeRename(Path temp) {
            Runtime.getRuntime().halt(CRASH_EXIT);
          }
        }, Runnable::run);
    var bars = List.of(new ValidBar(Instant.parse("2013-01-02T00:00:00Z"), 553.82, 555.0, 541.63, 549.03, 20018500, false));
    lake.writeBars(new BarPartition(Frame.of("1d"), args[1], "2013"), args[2], bars, Instant.now(), false).toCompletableFuture().join();
    System.exit(0);
  }
}
