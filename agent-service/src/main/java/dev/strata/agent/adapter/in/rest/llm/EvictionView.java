package dev.strata.agent.adapter.in.rest.llm;

/** Answer of {@code DELETE /llm/cache?model=}. */
public record EvictionView(String model, long deleted) {}
