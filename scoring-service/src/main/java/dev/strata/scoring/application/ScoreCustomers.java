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
import io.smallrye.mutiny.Uni;
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

  /** Scores; progress is logged and counted. */
  public Uni<CustomerScores> score(ScoreRequest request) {
    return score(request, ScoringProgress.NONE);
  }

  /** Scores, telling {@code progress} (besides the log and the counter) after every chunk. */
  public Uni<CustomerScores> score(ScoreRequest request, ScoringProgress progress) {
    return scoreInSteps(request, (done, total, rows, chunk) -> {
      progress.chunkDone(done, total, rows, chunk);
      return Uni.createFrom().voidItem();
    });
  }

  /** Told after every chunk; the next chunk starts when what it answers is done. */
  @FunctionalInterface
  interface ChunkDone {
    Uni<Void> after(int chunksDone, Integer chunksTotal, int rowsScored, int rowsInChunk);
  }

  /** Scores, running {@code afterChunk} (besides the log and the counter) after every chunk, before the next. */
  Uni<CustomerScores> scoreInSteps(ScoreRequest request, ChunkDone afterChunk) {
    return Uni.createFrom().item(() -> {
      validate(request);
      return request;
    }).chain(valid -> champion(Recipe.CHURN).chain(churn -> champion(Recipe.RISK).chain(risk ->
        Async.uni(() -> ModelResolution.challenger(registry, churn)).chain(churnChallenger ->
            Async.uni(() -> ModelResolution.challenger(registry, risk)).map(riskChallenger ->
                new ChunkScorer.Lineup(churn, risk, churnChallenger, riskChallenger))))))
        .chain(lineup -> {
          Run run = new Run(lineup, chunks(request), afterChunk);
          Uni<Void> chunks = request.all() ? activeFrom(null, run) : Async.inOrder(idChunks(request.customerIds()),
              ids -> Async.uni(() -> source.byIds(ids)).chain(run::score)).replaceWithVoid();
          return chunks.map(done -> new CustomerScores(run.scores,
              Map.of(lineup.churn().name(), lineup.churn().version(), lineup.risk().name(), lineup.risk().version())));
        });
  }

  private Uni<ModelCard> champion(Recipe recipe) {
    return Async.uni(() -> ModelResolution.resolve(registry, recipe.model(), Optional.empty()));
  }

  private Uni<Void> activeFrom(String cursor, Run run) {
    return Async.uni(() -> source.active(cursor, chunkSize)).chain(page -> run.score(page)
        .chain(() -> page.nextCursor() == null ? Uni.createFrom().voidItem() : activeFrom(page.nextCursor(), run)));
  }

  private List<List<String>> idChunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += chunkSize) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + chunkSize)));
    }
    return chunks;
  }

  /** One run's lineup and scores so far; its chunks go one after another. */
  private final class Run {
    private final ChunkScorer.Lineup lineup;
    private final Integer total;
    private final ChunkDone afterChunk;
    private final List<CustomerScores.Score> scores = new ArrayList<>();
    private int done;

    Run(ChunkScorer.Lineup lineup, Integer total, ChunkDone afterChunk) {
      this.lineup = lineup;
      this.total = total;
      this.afterChunk = afterChunk;
    }

    Uni<Void> score(CustomerFeatures page) {
      return scorer.score(page, lineup).chain(chunk -> {
        scores.addAll(chunk);
        done++;
        LOG.log(System.Logger.Level.INFO, "scored chunk {0} of {1}: {2} customers so far", done, total == null ? "?" : total, scores.size());
        observer.chunkDone(done, total, scores.size(), chunk.size());
        return afterChunk.after(done, total, scores.size(), chunk.size());
      });
    }
  }

  /** How many chunks the request takes, or null when that depends on the warehouse (every active customer). */
  public Integer chunks(ScoreRequest request) {
    return request.all() ? null : (request.customerIds().size() + chunkSize - 1) / chunkSize;
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
