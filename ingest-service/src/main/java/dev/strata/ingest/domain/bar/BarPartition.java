package dev.strata.ingest.domain.bar;

import dev.strata.kernel.value.SafeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One folder of the bar lake: {@code frame=<frame>/symbol=<symbol>/date=<partition>}. Symbol and
 * frame are safe names, so the folder can never escape the lake root.
 */
public record BarPartition(Frame frame, String symbol, String date) {

  public BarPartition {
    SafeName.SYMBOL.require(symbol);
  }

  /** The folder, relative to the lake root, with {@code /} separators. */
  public String folder() {
    return "frame=" + frame + "/symbol=" + symbol + "/date=" + date;
  }

  /**
   * Splits bars into their partitions (ordered by date), keeping the order inside each. The
   * partition is named and looked up only when a bar's partition key differs from the previous
   * bar's: ordered bars change partition once a day, not once a row.
   */
  public static Map<BarPartition, List<ValidBar>> split(String symbol, Frame frame, List<ValidBar> bars) {
    Map<BarPartition, List<ValidBar>> partitions = new TreeMap<>((a, b) -> a.date().compareTo(b.date()));
    List<ValidBar> current = null;
    long currentKey = 0;
    for (ValidBar bar : bars) {
      long key = frame.partitionKey(bar.ts());
      if (current == null || key != currentKey) {
        current = partitions.computeIfAbsent(new BarPartition(frame, symbol, frame.partitionOf(bar.ts())), p -> new ArrayList<>());
        currentKey = key;
      }
      current.add(bar);
    }
    return partitions;
  }
}
