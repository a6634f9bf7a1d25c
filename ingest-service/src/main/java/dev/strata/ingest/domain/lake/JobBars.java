package dev.strata.ingest.domain.lake;

import java.util.List;
import java.util.Map;

/** The bars one job landed, per symbol and ordered by ts, and the files that could not be read. */
public record JobBars(String jobId, Map<String, List<StoredBar>> bars, List<String> warnings) {}
