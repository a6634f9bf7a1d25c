package dev.strata.e2e;

import dev.strata.kernel.messaging.contract.UsageEvent;
import dev.strata.kernel.messaging.contract.UsageEventBatch;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic stream of usage events for the Telco customers, since no public data set has
 * one. For seed {@value #SEED} and a given as-of date the stream is always the same.
 *
 * <p>Each customer gets a daily activity rate from tenure and monthly charges; about half the
 * customers who churned see it fall to 40 % over the last 45 days, so usage trends carry a signal
 * without giving the label away. Events are
 * {@code login}, {@code api_call}, {@code report_export} and {@code support_ticket} (the last more
 * likely for churners), spread over the {@value #DAYS} days before the as-of date, and batched one
 * day per message (one bronze file per day).
 */
public final class UsageEventGenerator {

  /** The documented seed of the demo's stream. */
  public static final long SEED = 20_261_122L;
  public static final int DAYS = 90;

  private static final String[] EVENTS = {"login", "api_call", "report_export", "support_ticket"};

  /** What the generator needs to know of a customer. */
  public record Customer(String id, boolean churned, int tenureMonths, double monthlyCharges) {}

  private UsageEventGenerator() {}

  /** One batch per day, oldest first, for the {@link #DAYS} days before {@code asOf}. */
  public static List<UsageEventBatch> dailyBatches(List<Customer> customers, LocalDate asOf, String jobPrefix) {
    List<UsageEventBatch> batches = new ArrayList<>();
    for (int day = DAYS; day >= 1; day--) {
      LocalDate date = asOf.minusDays(day);
      List<UsageEvent> events = new ArrayList<>();
      for (Customer customer : customers) {
        eventsOf(customer, date, day, events);
      }
      batches.add(new UsageEventBatch(events, jobPrefix + "-" + date));
    }
    return batches;
  }

  private static void eventsOf(Customer customer, LocalDate date, int daysBeforeAsOf, List<UsageEvent> out) {
    // One random stream per (customer, day): independent of list order and of other days.
    SplittableRandom random = new SplittableRandom(SEED ^ (customer.id().hashCode() * 31L + date.toEpochDay()));
    double rate = baseRate(customer);
    if (customer.churned() && fades(customer) && daysBeforeAsOf <= 45) {
      rate *= 0.4 + 0.6 * daysBeforeAsOf / 45.0;
    }
    int count = poisson(random, rate);
    Instant midnight = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    // distinct seconds: the warehouse keys usage on (customer, ts, event), so a repeat would collapse
    java.util.Set<Integer> seconds = new java.util.HashSet<>();
    for (int i = 0; i < count; i++) {
      String event = pickEvent(random, customer.churned());
      int second = random.nextInt(86_400);
      while (!seconds.add(second)) {
        second = (second + 1) % 86_400;
      }
      Instant ts = midnight.plus(Duration.ofSeconds(second));
      double quantity = event.equals("api_call") ? 1 + random.nextInt(50) : 1;
      out.add(new UsageEvent(customer.id(), ts, event, quantity, Map.of("channel", random.nextBoolean() ? "web" : "mobile")));
    }
  }

  /** About half the churners show it in their usage first; the others leave without warning. */
  private static boolean fades(Customer customer) {
    return new SplittableRandom(SEED ^ customer.id().hashCode()).nextBoolean();
  }

  private static double baseRate(Customer customer) {
    double engagement = Math.min(1.0, customer.tenureMonths() / 72.0) * 0.6 + Math.min(1.0, customer.monthlyCharges() / 120.0) * 0.6;
    return 0.15 + engagement;
  }

  private static String pickEvent(SplittableRandom random, boolean churned) {
    double draw = random.nextDouble();
    double supportShare = churned ? 0.15 : 0.04;
    if (draw < supportShare) {
      return EVENTS[3];
    }
    return EVENTS[random.nextInt(3)];
  }

  /** Knuth's method; rates here are small. */
  private static int poisson(SplittableRandom random, double rate) {
    double limit = Math.exp(-rate);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
