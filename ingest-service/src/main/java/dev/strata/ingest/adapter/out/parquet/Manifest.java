package dev.strata.ingest.adapter.out.parquet;

import java.time.Instant;

/**
 * The manifest written next to each Parquet file as {@code <job_id>.manifest.json}: what the file
 * holds, so a reader can check it without opening it.
 */
record Manifest(String file, long rows, Instant tsFrom, Instant tsTo, String sha256, int schemaVersion, Instant writtenAt) {}
