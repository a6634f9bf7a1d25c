package dev.strata.warehouse.domain.ledger;

import java.time.Instant;

/**
 * One promotion as {@code ops.promotions} keeps it: what started it, which dataset kind, what it published or
 * why it refused, and the bronze coverage it took in ({@link Watermark#serializeAll}).
 *
 * @param status {@code published} or {@code refused}
 */
public record PromotionRun(String promotionId, String trigger, String kind, Instant startedAt, Instant finishedAt,
    String status, int files, long bronzeRows, long silverRows, long goldRows, String inputWatermarks, String reason) {}
