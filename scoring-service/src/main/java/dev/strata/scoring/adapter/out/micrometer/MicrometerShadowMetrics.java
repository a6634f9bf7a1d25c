package dev.strata.scoring.adapter.out.micrometer;

import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.scoring.ShadowComparison;
import dev.strata.scoring.domain.scoring.ShadowMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Shadow comparisons as Micrometer meters, tagged by model and by the two versions compared:
 * {@code scoring.shadow.difference} (distribution of |champion − challenger| per customer),
 * {@code scoring.shadow.rows} (customers compared, tagged {@code agreement=agree|disagree}; the
 * agreement rate is the {@code agree} share) and {@code scoring.shadow.failures}.
 */
public class MicrometerShadowMetrics implements ShadowMetrics {

  private final MeterRegistry meters;

  public MicrometerShadowMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public void compared(ShadowComparison comparison) {
    Tags tags = tags(comparison.champion(), comparison.challenger());
    DistributionSummary difference = DistributionSummary.builder("scoring.shadow.difference")
        .description("|champion score - challenger score| per customer scored in shadow")
        .tags(tags).publishPercentiles(0.5, 0.9, 0.99).register(meters);
    for (double d : comparison.differences()) {
      difference.record(d);
    }
    rows(tags, "agree").increment(comparison.agreed());
    rows(tags, "disagree").increment(comparison.rows() - comparison.agreed());
  }

  @Override
  public void failed(ModelCard challenger) {
    Counter.builder("scoring.shadow.failures").description("Chunks a challenger could not score in shadow")
        .tags("model", challenger.name(), "challenger", challenger.version()).register(meters).increment();
  }

  private Counter rows(Tags tags, String agreement) {
    return Counter.builder("scoring.shadow.rows").description("Customers scored by champion and challenger, by agreement")
        .baseUnit("customers").tags(tags.and("agreement", agreement)).register(meters);
  }

  private static Tags tags(ModelCard champion, ModelCard challenger) {
    return Tags.of("model", champion.name(), "champion", champion.version(), "challenger", challenger.version());
  }
}
