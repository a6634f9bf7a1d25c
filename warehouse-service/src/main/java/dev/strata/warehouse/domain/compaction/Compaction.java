package dev.strata.warehouse.domain.compaction;

import java.time.Instant;

/**
 * One partition's compaction, as {@code ops.compactions} keeps it.
 *
 * @param runId the compaction job run it was part of; its output file is in the ledger under this run id
 * @param identityKey the dataset identity of its files ({@code domain|source|dataset|discriminator|ticker})
 * @param rowsIn rows of the files it replaced
 * @param rowsOut rows of the one file it wrote: one per key, the latest ingestion of each
 * @param output the written file, relative to the lake root
 */
public record Compaction(
    String compactionId, String runId, String partition, String identityKey, String trigger, Instant compactedAt,
    int filesIn, long rowsIn, long rowsOut, long bytesIn, long bytesOut, String output) {}
