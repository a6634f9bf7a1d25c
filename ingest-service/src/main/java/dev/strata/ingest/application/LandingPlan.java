package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.RejectedRow;
import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import java.util.List;
import java.util.function.Function;

/**
 * A validated batch ready to land: the job to run it under, the rows refused, whether it may land
 * at all, how to write its files ({@code overwrite} → files) and the dataset each file belongs to.
 */
record LandingPlan(
    IngestionJob job, boolean overwrite, int accepted, List<RejectedRow> rejected, String refusal,
    Function<Boolean, List<LandedFile>> writer, Function<LandedFile, DatasetIdentity> dataset) {}
