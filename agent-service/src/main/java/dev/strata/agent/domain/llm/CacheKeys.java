package dev.strata.agent.domain.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the {@link CacheKey} of a request from its canonical form: a JSON document with sorted
 * keys holding everything that changes the answer (model, messages, temperature, topP, max tokens,
 * stop sequences, tools) plus the prompt-template version. Fields that only steer caching
 * ({@code cache}, {@code ttl}) are left out, so they never split one answer into two entries.
 */
public final class CacheKeys {

  /** Bumped when the canonical form changes, so old entries can never be read under a new meaning. */
  static final int CANONICAL_VERSION = 1;

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  private CacheKeys() {}

  /** The key of {@code request}, whose model must already be resolved. */
  public static CacheKey of(ChatRequest request) {
    return new CacheKey(ModelName.require(request.model()), sha256(canonical(request)));
  }

  /** The canonical bytes hashed into the key; stable across JVMs and field order. */
  static byte[] canonical(ChatRequest request) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("v", CANONICAL_VERSION);
    doc.put("model", request.model());
    doc.put("messages", request.messages().stream().map(m -> List.of(m.role(), m.content())).toList());
    doc.put("temperature", request.temperature());
    doc.put("topP", request.topP());
    doc.put("maxTokens", request.maxTokens());
    // the order of stop sequences does not change the answer
    doc.put("stop", request.stop().stream().distinct().sorted().toList());
    doc.put("tools", request.tools());
    doc.put("templateVersion", request.templateVersion());
    try {
      return CANONICAL.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request cannot be written as JSON", e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
