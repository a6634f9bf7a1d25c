package dev.strata.ingest.domain.bar;

/** What a batch with rejected rows becomes; nothing is half-written in either mode. */
public enum ValidationMode {
  /** Any rejected row rejects the whole batch; nothing lands. */
  REJECT_BATCH,
  /** Rejected rows are dropped and reported; the valid rows land. */
  DROP_BAD_ROWS;

  /** {@code reject-batch} or {@code drop-bad-rows}, as a request names the mode. */
  public static ValidationMode parse(String text) {
    return switch (text == null ? "reject-batch" : text) {
      case "reject-batch" -> REJECT_BATCH;
      case "drop-bad-rows" -> DROP_BAD_ROWS;
      default -> throw new dev.strata.kernel.error.DomainException.Invalid(
          "invalid mode '" + text + "': reject-batch or drop-bad-rows");
    };
  }
}
