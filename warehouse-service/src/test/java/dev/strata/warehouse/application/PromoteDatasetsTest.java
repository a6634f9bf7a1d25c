package dev.strata.warehouse.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.domain.keymap.Keymap;
import dev.strata.warehouse.domain.keymap.KeymapEntry;
import dev.strata.warehouse.domain.keymap.PromotionRule;
import dev.strata.warehouse.domain.keymap.TickerScope;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.FileLedger;
import dev.strata.warehouse.domain.promotion.PromotionAudit;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import dev.strata.warehouse.domain.promotion.PromotionPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class PromoteDatasetsTest {

  private static final KeymapEntry PRODUCER_BARS = new KeymapEntry("market", "producer", "bars", null, TickerScope.PER_TICKER,
      List.of("symbol", "frame", "ts"), 1, new PromotionRule(DatasetKind.BARS, PromotionRule.Trigger.ON_INGEST, OptionalDouble.of(0.2)));
  private static final KeymapEntry ALPACA_BARS = new KeymapEntry("market", "alpaca", "bars", null, TickerScope.PER_TICKER,
      List.of("symbol", "frame", "ts"), 1, new PromotionRule(DatasetKind.BARS, PromotionRule.Trigger.MANUAL, OptionalDouble.empty()));

  private final InMemoryLedger ledger = new InMemoryLedger();
  private final List<PromotionPlan> plans = new ArrayList<>();
  private final List<PromotionAudit> audits = new ArrayList<>();
  private final PromoteDatasets promote = new PromoteDatasets(ledger, (plan, audit) -> {
    plans.add(plan);
    audits.add(audit);
    return CompletableFuture.completedFuture(new PromotionOutcome(plan.promotionId(), plan.kind(), plan.dataset().identity(),
        PromotionOutcome.PUBLISHED, plan.files().size(), 0, 0, 0, List.of()));
  }, new Keymap("test", List.of(PRODUCER_BARS, ALPACA_BARS)), 0.01);

  private static FileIngestion file(String fileId, DatasetIdentity identity) {
    return new FileIngestion("run", fileId, identity, null, null, 1, "sha", "p", Instant.EPOCH, FileIngestion.BRONZE);
  }

  @Test
  void eachKeymapDatasetIsOneUnitOnItsOwnKeyAndRowLossLimit() {
    ledger.record(file("a", DatasetIdentity.bars("producer", "1d", "AAPL")));
    ledger.record(file("b", DatasetIdentity.bars("alpaca", "1m", "AAPL")));
    ledger.record(file("c", DatasetIdentity.bars("producer", "1m", "MSFT")));

    promote.run("test").await().indefinitely();

    assertThat(plans).extracting(PromotionPlan::dataset).containsExactly(PRODUCER_BARS, ALPACA_BARS);
    assertThat(plans.get(0).files()).extracting(FileIngestion::fileId).containsExactly("a", "c");
    assertThat(audits).extracting(PromotionAudit::maxRowLoss).containsExactly(0.2, 0.01);
  }

  @Test
  void afterAnIngestionOnlyDatasetsPromotedOnIngestAreAndAManualOneWaitsInBronze() {
    ledger.record(file("a", DatasetIdentity.bars("producer", "1d", "AAPL")));
    ledger.record(file("b", DatasetIdentity.bars("alpaca", "1m", "AAPL")));

    promote.afterIngest("dataset.ingested").await().indefinitely();

    assertThat(plans).extracting(PromotionPlan::dataset).containsExactly(PRODUCER_BARS);
    assertThat(ledger.files.get("b").status()).isEqualTo(FileIngestion.BRONZE);
  }

  @Test
  void aFileNoKeymapDatasetMatchesIsRejectedWithTheReasonAndNotPromoted() {
    ledger.record(file("x", new DatasetIdentity("market", "other", "bars", "1d", "AAPL")));

    promote.afterIngest("dataset.ingested").await().indefinitely();

    assertThat(plans).isEmpty();
    assertThat(ledger.files.get("x").status()).isEqualTo(FileIngestion.REJECTED);
    assertThat(ledger.files.get("x").reason()).isEqualTo("no dataset of the keymap matches market|other|bars|1d|AAPL");
  }

  /** The ledger's statuses, by file id. */
  private static final class InMemoryLedger implements FileLedger {
    final Map<String, FileIngestion> files = new LinkedHashMap<>();

    @Override
    public CompletionStage<Void> record(FileIngestion file) {
      files.putIfAbsent(file.fileId(), file);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Requeue> requeue(String runId, String fileId) {
      return CompletableFuture.completedFuture(Requeue.UNKNOWN);
    }

    @Override
    public CompletionStage<Void> reject(FileIngestion file, String reason) {
      files.computeIfPresent(file.fileId(), (id, f) -> new FileIngestion(f.runId(), f.fileId(), f.identity(), f.coverageFrom(),
          f.coverageTo(), f.rowCount(), f.sha256(), f.path(), f.receivedAt(), FileIngestion.REJECTED, reason));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<FileIngestion>> find(String runId, String fileId) {
      return CompletableFuture.completedFuture(Optional.ofNullable(files.get(fileId)));
    }

    @Override
    public CompletionStage<List<FileIngestion>> promotable() {
      return CompletableFuture.completedFuture(
          files.values().stream().filter(f -> f.status().equals(FileIngestion.BRONZE)).toList());
    }

    @Override
    public CompletionStage<Optional<Instant>> coveredTo(String layer, DatasetIdentity identity) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<List<FileIngestion>> recent(int limit) {
      return CompletableFuture.completedFuture(List.copyOf(files.values()));
    }
  }
}
