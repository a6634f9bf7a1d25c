package dev.strata.ingest.domain.lake;

import java.time.Instant;

/**
 * A Parquet file that landed in the lake, as its manifest describes it.
 *
 * @param path relative to the lake root, {@code /}-separated; also the file's stable id
 * @param from the earliest ts in the file
 * @param to the latest ts in the file
 */
public record LandedFile(String path, long rowCount, Instant from, Instant to, String sha256, int schemaVersion) {}
