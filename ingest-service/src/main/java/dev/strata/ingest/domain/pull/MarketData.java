package dev.strata.ingest.domain.pull;

import dev.strata.kernel.messaging.contract.Bar;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A market-data provider's bar history, page by page. The adapter keeps each raw response with its
 * request before parsing it, and handles the provider's rate limit and retries. Network and file work,
 * so every call completes off the caller's thread.
 */
public interface MarketData {

  CompletionStage<Page> bars(String symbol, String frame, Instant start, Instant end, String pageToken);

  /** One page of bars and the token of the next, null on the last page. */
  record Page(List<Bar> bars, String nextPageToken) {}
}
