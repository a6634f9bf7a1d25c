package dev.strata.ingest.application;

import java.time.LocalDate;
import java.util.List;

/**
 * What a pull did: the trading days that had no bars, how many bars the provider filled them with,
 * the job that landed them (null when there was nothing to land) and the days still missing.
 */
public record PullReport(
    String symbol, String frame, LocalDate resumedFrom, List<LocalDate> gaps, int barsLanded, String jobId,
    List<LocalDate> stillMissing) {}
