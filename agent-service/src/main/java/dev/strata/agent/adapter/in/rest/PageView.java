package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.shared.Page;
import java.util.List;
import java.util.function.Function;

/** A page as the API shows it. */
public record PageView<T>(List<T> items, long total, int offset, int limit) {

  static <D, T> PageView<T> of(Page<D> page, Function<D, T> view) {
    return new PageView<>(page.items().stream().map(view).toList(), page.total(), page.offset(), page.limit());
  }
}
