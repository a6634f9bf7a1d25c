package dev.strata.ingest.domain.bar;

import java.util.List;

/**
 * The validation policies of a bar, in the order they are checked. Each is applied only to rows
 * that passed the ones before it, so a row is reported with its first broken rule.
 */
public final class BarPolicies {

  public static final BarPolicy REQUIRED_FIELDS = BarPolicy.named("required-fields", (bar, previous, frame) ->
      bar.ts() == null || bar.open() == null || bar.high() == null || bar.low() == null
          || bar.close() == null || bar.volume() == null
          ? "ts, open, high, low, close and volume are required" : null);

  public static final BarPolicy FINITE_NUMBERS = BarPolicy.named("finite-numbers", (bar, previous, frame) ->
      !Double.isFinite(bar.open()) || !Double.isFinite(bar.high()) || !Double.isFinite(bar.low())
          || !Double.isFinite(bar.close()) || !Double.isFinite(bar.volume())
          ? "prices and volume must be finite numbers" : null);

  public static final BarPolicy POSITIVE_PRICES = BarPolicy.named("positive-prices", (bar, previous, frame) ->
      bar.open() <= 0 || bar.high() <= 0 || bar.low() <= 0 || bar.close() <= 0
          ? "prices must be > 0" : null);

  public static final BarPolicy LOW_IS_LOWEST = BarPolicy.named("low-is-lowest", (bar, previous, frame) ->
      bar.low() > bar.open() || bar.low() > bar.close()
          ? "low " + bar.low() + " must be <= open and close" : null);

  public static final BarPolicy HIGH_IS_HIGHEST = BarPolicy.named("high-is-highest", (bar, previous, frame) ->
      bar.high() < bar.open() || bar.high() < bar.close()
          ? "high " + bar.high() + " must be >= open and close" : null);

  public static final BarPolicy NON_NEGATIVE_VOLUME = BarPolicy.named("non-negative-volume", (bar, previous, frame) ->
      bar.volume() < 0 ? "volume must be >= 0" : null);

  public static final BarPolicy STRICTLY_INCREASING_TS = BarPolicy.named("strictly-increasing-ts", (bar, previous, frame) ->
      previous != null && !bar.ts().isAfter(previous.ts())
          ? "ts " + bar.ts() + " is not after the previous bar's " + previous.ts() : null);

  public static final BarPolicy MINUTE_ALIGNED = BarPolicy.named("minute-aligned", (bar, previous, frame) ->
      frame.minuteBased() && (bar.ts().getEpochSecond() % 60 != 0 || bar.ts().getNano() != 0)
          ? "ts " + bar.ts() + " of a " + frame + " bar must start on a whole minute" : null);

  /** Every rejecting policy, in order. The outlier rule only flags, see {@link OutlierFlag}. */
  public static final List<BarPolicy> ALL = List.of(
      REQUIRED_FIELDS, FINITE_NUMBERS, POSITIVE_PRICES, LOW_IS_LOWEST, HIGH_IS_HIGHEST,
      NON_NEGATIVE_VOLUME, STRICTLY_INCREASING_TS, MINUTE_ALIGNED);

  private BarPolicies() {}
}
