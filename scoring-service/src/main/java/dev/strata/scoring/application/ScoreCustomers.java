package dev.strata.scoring.application;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.api.CustomerScores;
import dev.strata.kernel.api.ScoreRequest;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.ModelResolution;
import dev.strata.scoring.domain.scoring.ScoringProgress;
import dev.strata.scoring.domain.training.Recipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores customers with the champion churn and risk models: the given ids, or every active
 * customer page by page. Work goes in chunks (one warehouse call and one run of each model per
 * chunk, and of each challenger that shadows a champion); after each, progress is logged, counted
 * and told to the caller.
 */
public class ScoreCustomers {

  private static final System.Logger LOG = System.getLogger(ScoreCustomers.class.getName());
  private static final String CUSTOMER_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
  private static final int MAX_IDS = 100_000;

  private final CustomerFeatureSource source;
  private final ModelRegistry registry;
  private final ChunkScorer scorer;
  private final int chunkSize;
  private final ScoringProgress observer;

  /** {@code observer} hears about every chunk of every run (the rows-scored counter). */
  public ScoreCustomers(CustomerFeatureSource source, ModelRegistry registry, ChunkScorer scorer, int chunkSize,
      ScoringProgress observer) {
    this.source = source;
    this.registry = registry;
    this.scorer = scorer;
    this.chunkSize = chunkSize;
    this.observer = observer;
  }

  /** Scores synchronously; progress is logged and counted. */
  public CustomerScores score(ScoreRequest request) {
    return score(request, ScoringProgress.NONE);
  }

  /** Scores, telling {@code progress} (besides the log and the counter) after every chunk. */
  public CustomerScores score(ScoreRequest request, ScoringProgress progress) {
    validate(request);
    ModelCard churn = ModelResolution.resolve(registry, Recipe.CHURN.model(), Optional.empty());
    ModelCard risk = ModelResolution.resolve(registry, Recipe.RISK.model(), Optional.empty());
    ChunkScorer.Lineup lineup = new ChunkScorer.Lineup(churn, risk,
        ModelResolution.challenger(registry, churn), ModelResolution.challenger(registry, risk));
    List<CustomerScores.Score> scores = new ArrayList<>();
    Integer total = chunks(request);
    int done = 0;
    if (request.all()) {
      String cursor = null;
      do {
        CustomerFeatures page = source.active(cursor, chunkSize);
        record(scores, scorer.score(page, lineup), ++done, total, progress);
        cursor = page.nextCursor();
      } while (cursor != null);
    } else {
      List<String> ids = request.customerIds();
      for (int from = 0; from < ids.size(); from += chunkSize) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + chunkSize));
        record(scores, scorer.score(source.byIds(chunk), lineup), ++done, total, progress);
      }
    }
    return new CustomerScores(scores, Map.of(churn.name(), churn.version(), risk.name(), risk.version()));
  }

  /** How many chunks the request takes, or null when that depends on the warehouse (every active customer). */
  public Integer chunks(ScoreRequest request) {
    return request.all() ? null : (request.customerIds().size() + chunkSize - 1) / chunkSize;
  }

  private void record(List<CustomerScores.Score> scores, List<CustomerScores.Score> chunk, int done, Integer total,
      ScoringProgress progress) {
    scores.addAll(chunk);
    LOG.log(System.Logger.Level.INFO, "scored chunk {0} of {1}: {2} customers so far", done, total == null ? "?" : total, scores.size());
    observer.chunkDone(done, total, scores.size(), chunk.size());
    progress.chunkDone(done, total, scores.size(), chunk.size());
  }

  /** Refuses a request that names no one, or both ids and everyone, or a malformed id. */
  public static void validate(ScoreRequest request) {
    if (request.all() == !request.customerIds().isEmpty()) {
      throw new DomainException.Invalid("give either customerIds or \"all\": true");
    }
    if (request.customerIds().size() > MAX_IDS) {
      throw new DomainException.Invalid("at most " + MAX_IDS + " customerIds per request; use \"all\": true for everyone");
    }
    for (String id : request.customerIds()) {
      if (id == null || !id.matches(CUSTOMER_ID)) {
        throw new DomainException.Invalid("invalid customer id: must match " + CUSTOMER_ID);
      }
    }
  }
}
