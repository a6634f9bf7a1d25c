package dev.strata.agent.domain.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total number of matches across all pages. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), total, offset, limit);
  }
}
