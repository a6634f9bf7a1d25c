package dev.strata.warehouse.domain.keymap;

/** Whether a dataset is partitioned per ticker (bars) or holds all tickers in one (usage). */
public enum TickerScope {
  PER_TICKER, GLOBAL
}
