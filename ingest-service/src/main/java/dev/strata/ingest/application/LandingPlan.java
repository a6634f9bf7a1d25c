package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.RejectedRow;
import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.ingest.domain.symbolbars.BarsLanded;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A validated batch ready to land: the job to run it under, the rows refused, whether it may land
 * at all, how to write its files ({@code overwrite} → files), the dataset each file belongs to and
 * the bars it lands per trading day.
 */
record LandingPlan(
    IngestionJob job, boolean overwrite, int accepted, List<RejectedRow> rejected, String refusal,
    Function<Boolean, CompletionStage<List<LandedFile>>> writer, Function<LandedFile, DatasetIdentity> dataset,
    Map<LocalDate, BarsLanded.DaySummary> days) {}
