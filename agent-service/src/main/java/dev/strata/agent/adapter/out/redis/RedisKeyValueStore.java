package dev.strata.agent.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.agent.application.llm.KeyValueStore;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/** {@link KeyValueStore} on Redis strings: GET, SET with PX expiry, DEL, values as JSON text. */
@ApplicationScoped
public class RedisKeyValueStore implements KeyValueStore {

  private final ReactiveValueCommands<String, String> values;
  private final ReactiveKeyCommands<String> keys;
  private final ObjectMapper json;

  public RedisKeyValueStore(ReactiveRedisDataSource redis, ObjectMapper json) {
    this.values = redis.value(String.class, String.class);
    this.keys = redis.key(String.class);
    this.json = json;
  }

  @Override
  public Uni<Optional<String>> get(String key) {
    return values.get(key).map(Optional::ofNullable);
  }

  @Override
  public Uni<Void> set(String key, String value, Duration ttl) {
    return values.psetex(key, ttl.toMillis(), value);
  }

  @Override
  public Uni<Boolean> delete(String key) {
    return keys.del(key).map(removed -> removed > 0);
  }

  @Override
  public <T> Uni<Optional<T>> getJson(String key, Class<T> type) {
    return get(key).map(text -> text.map(value -> read(value, type)));
  }

  @Override
  public Uni<Void> setJson(String key, Object value, Duration ttl) {
    return Uni.createFrom().item(() -> write(value)).chain(text -> set(key, text, ttl));
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored value is not a " + type.getSimpleName(), e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("value cannot be written as JSON", e);
    }
  }
}
