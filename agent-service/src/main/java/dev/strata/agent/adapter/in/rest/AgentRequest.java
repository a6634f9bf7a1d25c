package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.agent.AgentStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /agents} and {@code PUT /agents/{id}}.
 *
 * @param version the version last read; required on PUT (optimistic concurrency)
 */
public record AgentRequest(
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,63}") String type,
    @NotBlank @Size(max = 100) String model,
    @Size(max = 20000) String systemPrompt,
    Map<String, Object> config,
    AgentStatus status,
    @PositiveOrZero Long version) {}
