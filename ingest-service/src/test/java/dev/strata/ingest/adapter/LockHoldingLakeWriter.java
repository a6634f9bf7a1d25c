package dev.strata.ingest.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.strata.ingest.adapter.out.parquet.ParquetBronzeLake;
import dev.strata.ingest.adapter.out.parquet.WriteSeams;
import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.bar.ValidBar;
import dev.strata.kernel.error.DomainException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * A second writer process: it writes a bar file into a partition and, with the temp file complete
 * and the partition lock held, prints {@value #HOLDING} and waits for a line on stdin before it
 * renames. Prints {@value #LANDED} or {@value #CONFLICT} at the end. Arguments: lake root, symbol,
 * job id, close price of its bars.
 */
public final class LockHoldingLakeWriter {

  static final String HOLDING = "HOLDING";
  static final String LANDED = "LANDED";
  static final String CONFLICT = "CONFLICT";

  private LockHoldingLakeWriter() {}

  public static void main(String[] args) {
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    var lake = new ParquetBronzeLake(Path.of(args[0]), new ObjectMapper().registerModule(new JavaTimeModule()), new WriteSeams() {
      @Override
      public void beforeRename(Path temp) {
        System.out.println(HOLDING + " " + temp.getFileName());
        System.out.flush();
        awaitLine(stdin);
      }
    }, Runnable::run);
    try {
      lake.writeBars(partition(args[1]), args[2], bars(Double.parseDouble(args[3])), Instant.now(), false).toCompletableFuture().join();
      System.out.println(LANDED);
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof DomainException.Conflict conflict)) {
        throw e;
      }
      System.out.println(CONFLICT + " " + conflict.getMessage());
    }
    System.exit(0);
  }

  static BarPartition partition(String symbol) {
    return new BarPartition(Frame.of("1d"), symbol, "2013");
  }

  /** Three daily bars of 2013, all at {@code close}. */
  static List<ValidBar> bars(double close) {
    return List.of("2013-01-02", "2013-01-03", "2013-01-04").stream()
        .map(day -> new ValidBar(Instant.parse(day + "T00:00:00Z"), close, close + 1, close - 1, close, 1_000, false))
        .toList();
  }

  private static void awaitLine(BufferedReader stdin) {
    try {
      stdin.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
