package dev.strata.agent.domain.agent;

import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Repository;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The agents we keep; filterable on {@code type}, {@code status}, {@code model}. */
public interface Agents extends Repository<Agent> {

  CompletionStage<List<Agent>> byType(String type, int limit);

  CompletionStage<List<Agent>> active(int limit);

  /** Case-insensitive substring search on the name, served by an index. */
  CompletionStage<Page<Agent>> searchByName(String text, int offset, int limit);
}
