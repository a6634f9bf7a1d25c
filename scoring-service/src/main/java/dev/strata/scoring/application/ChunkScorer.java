package dev.strata.scoring.application;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.api.CustomerScores;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.scoring.ShadowComparison;
import dev.strata.scoring.domain.scoring.ShadowMetrics;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scores one page of customers: lays the warehouse's columns out in each model's own feature
 * order, runs both models once over the whole page, and reads churn probability and risk. Where a
 * challenger shadows a champion, it scores the same page too; the two are compared and measured,
 * and only the champion's scores are returned.
 */
public class ChunkScorer {

  private static final System.Logger LOG = System.getLogger(ChunkScorer.class.getName());

  private final ScoringModels models;
  private final Optional<ShadowMetrics> shadow;

  /** The versions one request scores with; a challenger is empty when none shadows its champion. */
  public record Lineup(ModelCard churn, ModelCard risk, Optional<ModelCard> churnChallenger, Optional<ModelCard> riskChallenger) {}

  /** Without shadow traffic: challengers are never run. */
  public ChunkScorer(ScoringModels models) {
    this(models, Optional.empty());
  }

  public ChunkScorer(ScoringModels models, Optional<ShadowMetrics> shadow) {
    this.models = models;
    this.shadow = shadow;
  }

  public Uni<List<CustomerScores.Score>> score(CustomerFeatures page, Lineup lineup) {
    if (page.rows().isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return run(lineup.churn(), page).chain(probability -> run(lineup.risk(), page).map(ChunkScorer::nonNegative)
        .call(revenue -> shadow(page, lineup.churn(), lineup.churnChallenger(), probability, false))
        .call(revenue -> shadow(page, lineup.risk(), lineup.riskChallenger(), revenue, true))
        .map(revenue -> {
          List<CustomerScores.Score> scores = new ArrayList<>(page.rows().size());
          for (int i = 0; i < page.rows().size(); i++) {
            scores.add(new CustomerScores.Score(page.rows().get(i).customerId(), probability[i], revenue[i]));
          }
          return scores;
        }));
  }

  // the challenger's trouble is never the caller's: it is logged and counted, the answer stands
  private Uni<Void> shadow(CustomerFeatures page, ModelCard champion, Optional<ModelCard> challenger, float[] served, boolean revenue) {
    if (shadow.isEmpty() || challenger.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return run(challenger.get(), page)
        .invoke(theirs -> shadow.get().compared(ShadowComparison.of(champion, challenger.get(), served, revenue ? nonNegative(theirs) : theirs)))
        .replaceWithVoid()
        .onFailure(RuntimeException.class).recoverWithUni(e -> {
          LOG.log(System.Logger.Level.WARNING, "challenger " + challenger.get().ref() + " could not shadow " + champion.ref(), e);
          shadow.get().failed(challenger.get());
          return Uni.createFrom().voidItem();
        });
  }

  private Uni<float[]> run(ModelCard card, CustomerFeatures page) {
    List<CustomerFeatures.Row> rows = page.rows();
    return ModelInputs.scores(models, card, page.featureNames(), rows.size(), (i, j) -> {
      Double value = rows.get(i).values().get(j);
      return value == null ? 0 : value;
    });
  }

  // a linear regressor can dip below zero for loyal customers; no one's departure earns money
  private static float[] nonNegative(float[] revenue) {
    for (int i = 0; i < revenue.length; i++) {
      revenue[i] = Math.max(0, revenue[i]);
    }
    return revenue;
  }
}
