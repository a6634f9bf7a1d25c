package dev.strata.agent.application.llm;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/**
 * Plain key/value storage with expiry — the get/set/delete/JSON helpers of the Python seed's Redis
 * layer, behind a port so the cache logic can be tested without a server.
 */
public interface KeyValueStore {

  Uni<Optional<String>> get(String key);

  /** Sets {@code key} to {@code value}, expiring after {@code ttl}. */
  Uni<Void> set(String key, String value, Duration ttl);

  /** True when the key existed. */
  Uni<Boolean> delete(String key);

  <T> Uni<Optional<T>> getJson(String key, Class<T> type);

  Uni<Void> setJson(String key, Object value, Duration ttl);
}
