package dev.strata.scoring.application;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.api.CustomerScores;
import dev.strata.kernel.api.ScoreRequest;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.ModelResolution;
import dev.strata.scoring.domain.training.Recipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores customers with the champion churn and risk models: the given ids, or every active
 * customer page by page. Work goes in chunks so memory stays flat and progress is logged.
 */
public class ScoreCustomers {

  private static final System.Logger LOG = System.getLogger(ScoreCustomers.class.getName());
  private static final String CUSTOMER_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
  private static final int MAX_IDS = 100_000;

  private final CustomerFeatureSource source;
  private final ModelRegistry registry;
  private final ChunkScorer scorer;
  private final int chunkSize;

  public ScoreCustomers(CustomerFeatureSource source, ModelRegistry registry, ChunkScorer scorer, int chunkSize) {
    this.source = source;
    this.registry = registry;
    this.scorer = scorer;
    this.chunkSize = chunkSize;
  }

  public CustomerScores score(ScoreRequest request) {
    validate(request);
    ModelCard churn = ModelResolution.resolve(registry, Recipe.CHURN.model(), Optional.empty());
    ModelCard risk = ModelResolution.resolve(registry, Recipe.RISK.model(), Optional.empty());
    List<CustomerScores.Score> scores = new ArrayList<>();
    if (request.all()) {
      String cursor = null;
      do {
        CustomerFeatures page = source.active(cursor, chunkSize);
        scores.addAll(scorer.score(page, churn, risk));
        LOG.log(System.Logger.Level.INFO, "scored {0} active customers so far", scores.size());
        cursor = page.nextCursor();
      } while (cursor != null);
    } else {
      List<String> ids = request.customerIds();
      for (int from = 0; from < ids.size(); from += chunkSize) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + chunkSize));
        scores.addAll(scorer.score(source.byIds(chunk), churn, risk));
        LOG.log(System.Logger.Level.INFO, "scored {0} of {1} requested customers", Math.min(ids.size(), from + chunkSize), ids.size());
      }
    }
    return new CustomerScores(scores, Map.of(churn.name(), churn.version(), risk.name(), risk.version()));
  }

  private static void validate(ScoreRequest request) {
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
