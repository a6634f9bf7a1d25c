package dev.strata.ingest.domain.bar;

/**
 * Flags, without rejecting, a bar whose close moved more than 50 % from the previous bar's close:
 * real crashes and splits happen, so the row is kept and marked for downstream review.
 */
public final class OutlierFlag {

  static final double THRESHOLD = 0.5;

  private OutlierFlag() {}

  public static boolean isOutlier(double close, ValidBar previous) {
    return previous != null && Math.abs(close / previous.close() - 1.0) > THRESHOLD;
  }
}
