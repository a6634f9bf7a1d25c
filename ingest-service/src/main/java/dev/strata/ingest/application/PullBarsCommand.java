package dev.strata.ingest.application;

import java.time.LocalDate;

/** Pull the bars of a symbol and frame for the trading days {@code [from, to]} from the provider. */
public record PullBarsCommand(String symbol, String frame, LocalDate from, LocalDate to) {}
