package dev.strata.warehouse.config;

import dev.strata.warehouse.settings.WarehouseConfig;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DuckDB settings of {@link WarehouseConfig.Database} as the connection properties DuckDB reads
 * when it opens the file. A memory limit given as a percentage becomes MiB of {@code totalMemory}, so
 * the heap ({@code -XX:MaxRAMPercentage}) and DuckDB are shares of one container limit.
 */
final class DuckDbSettings {

  private static final long MIB = 1024 * 1024;

  private DuckDbSettings() {}

  /** The settings for this JVM, whose total memory is its container's limit when it runs in one. */
  static Map<String, String> of(WarehouseConfig.Database database) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return of(database, os.getTotalMemorySize());
  }

  static Map<String, String> of(WarehouseConfig.Database database, long totalMemory) {
    Map<String, String> settings = new LinkedHashMap<>();
    database.memoryLimit().ifPresent(limit -> settings.put("memory_limit", memoryLimit(limit.strip(), totalMemory)));
    database.threads().ifPresent(threads -> {
      if (threads < 1) {
        throw new IllegalArgumentException("warehouse.database.threads must be at least 1, not " + threads);
      }
      settings.put("threads", Integer.toString(threads));
    });
    return settings;
  }

  private static String memoryLimit(String limit, long totalMemory) {
    if (!limit.endsWith("%")) {
      return limit;
    }
    double percent = Double.parseDouble(limit.substring(0, limit.length() - 1));
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("warehouse.database.memory-limit must be a percentage in (0, 100], not " + limit);
    }
    return Math.max(1, (long) (totalMemory * percent / 100 / MIB)) + "MiB";
  }
}
