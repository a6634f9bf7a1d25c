package dev.strata.scoring.adapter.in.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens already verified, so a client that sends the same token on every request pays
 * for one RS256 signature check, not one per call. Keyed by the token's SHA-256 (no raw token as
 * a key); an entry is used only while the token is unexpired and for at most {@code maxAgeSeconds}
 * after its verification; at most {@code capacity} entries.
 *
 * @param <T> what verification produced (the parsed token)
 */
final class VerifiedTokenCache<T> {

  private record Entry<T>(T token, long usableUntilEpochSecond) {}

  private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
  private final int capacity;
  private final long maxAgeSeconds;
  private final Clock clock;

  VerifiedTokenCache(int capacity, long maxAgeSeconds, Clock clock) {
    this.capacity = capacity;
    this.maxAgeSeconds = maxAgeSeconds;
    this.clock = clock;
  }

  /** The verified token, or null when it was never verified or its entry has lapsed. */
  T get(String rawToken) {
    String key = key(rawToken);
    Entry<T> entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (clock.instant().getEpochSecond() >= entry.usableUntilEpochSecond()) {
      entries.remove(key, entry);
      return null;
    }
    return entry.token();
  }

  /** Remembers a token that just passed verification and expires at {@code expiresAtEpochSecond}. */
  void put(String rawToken, T verified, long expiresAtEpochSecond) {
    long now = clock.instant().getEpochSecond();
    long until = Math.min(expiresAtEpochSecond, now + maxAgeSeconds);
    if (until <= now || capacity <= 0) {
      return;
    }
    if (entries.size() >= capacity) {
      entries.values().removeIf(entry -> entry.usableUntilEpochSecond() <= now);
      if (entries.size() >= capacity) {
        entries.clear(); // many distinct live tokens: start over rather than grow without bound
      }
    }
    entries.put(key(rawToken), new Entry<>(verified, until));
  }

  int size() {
    return entries.size();
  }

  private static String key(String rawToken) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
