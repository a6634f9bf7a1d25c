package dev.strata.ingest.domain.bar;

import dev.strata.kernel.value.SafeName;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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

  /** Splits ordered bars into their partitions, keeping the order inside each. */
  public static Map<BarPartition, List<ValidBar>> split(String symbol, Frame frame, List<ValidBar> bars) {
    return bars.stream().collect(Collectors.groupingBy(
        bar -> new BarPartition(frame, symbol, frame.partitionOf(bar.ts())),
        () -> new TreeMap<>((a, b) -> a.date().compareTo(b.date())),
        Collectors.toList()));
  }
}
