package dev.strata.agent.domain.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * What a due schedule does now.
 *
 * @param run the tick to start an execution for: the latest due one, when it is on time or the policy runs once
 * @param skipped the due ticks that start nothing (after a long outage of a frequent schedule, a lower bound)
 * @param next the first tick after now, where the schedule goes on
 */
public record Catchup(Optional<Instant> run, long skipped, Instant next) {}
