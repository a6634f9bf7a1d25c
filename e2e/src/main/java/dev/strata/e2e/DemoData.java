package dev.strata.e2e;

import dev.strata.e2e.UsageEventGenerator.Customer;
import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.messaging.contract.BarBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The real data sets the project carries (see {@code data/README.md}), read as producers send them. */
public final class DemoData {

  public static final String SP500 = "data/sp500-daily-2000-2020.csv";
  public static final String AAPL = "data/aapl-daily-2013.csv";
  public static final String TELCO = "data/telco-churn.csv";

  private DemoData() {}

  /** Daily bars of a {@code date,open,high,low,close[,adjclose],volume} file, in batches of {@code size}. */
  public static List<BarBatch> dailyBars(String resource, String symbol, int size, String jobPrefix) {
    List<String> lines = lines(resource);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int date = header.indexOf("date"), open = header.indexOf("open"), high = header.indexOf("high");
    int low = header.indexOf("low"), close = header.indexOf("close"), volume = header.indexOf("volume");
    List<Bar> bars = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      bars.add(new Bar(LocalDate.parse(f[date]).atStartOfDay(ZoneOffset.UTC).toInstant(),
          Double.parseDouble(f[open]), Double.parseDouble(f[high]), Double.parseDouble(f[low]),
          Double.parseDouble(f[close]), Double.parseDouble(f[volume])));
    }
    List<BarBatch> batches = new ArrayList<>();
    for (int from = 0, n = 0; from < bars.size(); from += size, n++) {
      batches.add(new BarBatch(symbol, "1d", bars.subList(from, Math.min(bars.size(), from + size)), jobPrefix + "-" + n));
    }
    return batches;
  }

  /** The Telco customers as the usage generator needs them. */
  public static List<Customer> customers() {
    List<String> lines = lines(TELCO);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int id = header.indexOf("customer_id"), churn = header.indexOf("churn");
    int tenure = header.indexOf("tenure"), charges = header.indexOf("monthly_charges");
    return lines.subList(1, lines.size()).stream().map(line -> line.split(","))
        .map(f -> new Customer(f[id], f[churn].equals("Yes"), Integer.parseInt(f[tenure]), Double.parseDouble(f[charges])))
        .toList();
  }

  /** The raw bytes of a carried file, e.g. to upload the Telco CSV. */
  public static byte[] bytes(String resource) {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(String resource) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
      return reader.lines().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing demo data " + resource);
    }
    return in;
  }
}
