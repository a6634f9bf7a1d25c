package dev.strata.warehouse.adapter.out.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchHandoffTest {

  @Test
  void everyItemArrivesInOrderOnTheOtherThread() throws Exception {
    var handoff = new BatchHandoff<Integer>();
    var consumed = CompletableFuture.supplyAsync(() -> {
      List<Integer> items = new ArrayList<>();
      handoff.items().forEachRemaining(items::add);
      return items;
    });

    handoff.feed(IntStream.range(0, 10_000).boxed().iterator());

    assertThat(consumed.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(IntStream.range(0, 10_000).boxed().toList());
  }

  @Test
  void aFailureOfTheSourceReachesTheConsumerAsTheSameException() {
    var handoff = new BatchHandoff<Integer>();
    Iterator<Integer> failing = new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        if (next == 5000) {
          throw new IllegalArgumentException("line 5001: bad");
        }
        return true;
      }

      @Override
      public Integer next() {
        return next++;
      }
    };
    var consumed = CompletableFuture.runAsync(() -> handoff.items().forEachRemaining(item -> { }));

    handoff.feed(failing);

    assertThatThrownBy(() -> consumed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("line 5001: bad");
  }

  @Test
  void theSourceIsNoLongerReadOnceTheConsumerIsGone() throws Exception {
    var handoff = new BatchHandoff<Integer>();
    int[] read = {0};
    Iterator<Integer> endless = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        return read[0]++;
      }
    };
    CompletableFuture.runAsync(() -> {
      Iterator<Integer> items = handoff.items();
      items.next();
      handoff.consumerGone();
    });

    CompletableFuture.runAsync(() -> handoff.feed(endless)).get(10, TimeUnit.SECONDS);

    assertThat(read[0]).as("at most the batches that fit the queue, and the one being read").isLessThan(20 * 2048);
  }
}
