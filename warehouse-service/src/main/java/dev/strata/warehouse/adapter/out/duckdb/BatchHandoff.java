package dev.strata.warehouse.adapter.out.duckdb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands the items of a source read on one thread to a consumer on another, in batches through a bounded queue,
 * so that reading (parsing an upload) and writing (appending to DuckDB) overlap instead of taking turns. A
 * failure of the source reaches the consumer as the same exception, where its transaction rolls back; once the
 * consumer is gone (done or failed), the source is no longer read.
 */
final class BatchHandoff<T> {

  private static final Object END = new Object();
  private static final int BATCH = 2048;

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
  private volatile boolean consumerGone;

  /** On the reading thread: every item of {@code source}, then the end, or the failure that stopped it. */
  void feed(Iterator<T> source) {
    try {
      List<T> batch = new ArrayList<>(BATCH);
      while (source.hasNext()) {
        batch.add(source.next());
        if (batch.size() == BATCH) {
          if (!put(batch)) {
            return;
          }
          batch = new ArrayList<>(BATCH);
        }
      }
      if ((batch.isEmpty() || put(batch)) && put(END)) {
        return;
      }
    } catch (RuntimeException e) {
      put(e);
    } catch (Error e) {
      // the consumer must not wait for an end that will never come
      put(new IllegalStateException("reading the rows failed: " + e, e));
      throw e;
    }
  }

  /** On the consuming thread: the items as they arrive. Call {@link #consumerGone} when done with them. */
  Iterator<T> items() {
    return new Iterator<>() {
      private Iterator<T> batch = List.<T>of().iterator();
      private boolean ended;

      @Override
      public boolean hasNext() {
        while (!batch.hasNext() && !ended) {
          Object next = take();
          if (next == END) {
            ended = true;
          } else if (next instanceof RuntimeException failure) {
            ended = true;
            throw failure;
          } else {
            @SuppressWarnings("unchecked")
            List<T> items = (List<T>) next;
            batch = items.iterator();
          }
        }
        return batch.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return batch.next();
      }
    };
  }

  /** The consumer takes no more: the reading thread stops at its next batch instead of waiting for room. */
  void consumerGone() {
    consumerGone = true;
    queue.clear();
  }

  private boolean put(Object item) {
    try {
      while (!consumerGone) {
        if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      consumerGone();
      return false;
    }
  }

  private Object take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the rows to write", e);
    }
  }
}
