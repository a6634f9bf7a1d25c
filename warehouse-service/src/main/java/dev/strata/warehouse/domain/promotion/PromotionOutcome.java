package dev.strata.warehouse.domain.promotion;

import dev.strata.kernel.messaging.contract.DatasetKind;
import java.util.List;

/**
 * What a promotion did.
 *
 * @param kind the layout promoted into
 * @param dataset the keymap dataset whose files it took ({@code domain|source|dataset|discriminator})
 * @param status {@code published}, {@code refused} (an audit check failed; gold untouched) or
 *     {@code nothing} (its files were already promoted by another run)
 */
public record PromotionOutcome(
    String promotionId, DatasetKind kind, String dataset, String status, int files, long bronzeRows, long silverRows, long goldRows,
    List<String> reasons) {

  public static final String PUBLISHED = "published";
  public static final String REFUSED = "refused";
  public static final String NOTHING = "nothing";

  public PromotionOutcome {
    reasons = List.copyOf(reasons);
  }
}
