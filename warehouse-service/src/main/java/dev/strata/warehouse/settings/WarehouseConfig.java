package dev.strata.warehouse.settings;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Configuration of warehouse-service ({@code warehouse.*}). */
@ConfigMapping(prefix = "warehouse")
public interface WarehouseConfig {

  Database database();

  Lake lake();

  Migrations migrations();

  Promotion promotion();

  Keymap keymap();

  Http http();

  Compaction compaction();

  /** Compaction of the lake's small promoted files, one partition and dataset identity at a time. */
  interface Compaction {
    /** How often the compaction job runs ({@code 1h}, {@code 30m}); {@code off} disables it (POST /ops/compactions still runs it). */
    @WithDefault("1h")
    String every();

    /** A partition is compacted once it holds at least this many small files of one dataset identity (at least 2). */
    @WithDefault("4")
    int minFiles();

    /** A file smaller than this is small. */
    @WithDefault("32M")
    MemorySize smallFileSize();

    /**
     * The scheduled job leaves files received less than this long ago alone: a partition still being written, a
     * job whose own files are still looked at ({@code GET /jobs/{id}/bars} of ingest-service reads them by name).
     */
    @WithDefault("24h")
    java.time.Duration minAge();
  }

  /** Request body limits (service-support's {@code OversizedBodies} answers a larger body with a 413). */
  interface Http {
    /** The largest body of any request but a customer import. */
    @WithDefault("4M")
    MemorySize maxBodySize();

    /**
     * The largest {@code POST /customers/import} body, read as a stream; at most
     * {@code quarkus.http.limits.max-body-size}, which must be at least as large.
     */
    @WithDefault("256M")
    MemorySize importMaxBodySize();

    /** The largest chart set document ({@code PUT /chart-sets/{name}}). */
    @WithDefault("64K")
    MemorySize chartSetMaxSize();
  }

  /** The dataset keymap promotion goes by, checked at start against the migrated schema. */
  interface Keymap {
    /** {@code classpath:<resource>} or {@code filesystem:<path>} of the YAML keymap. */
    @WithDefault("classpath:keymap/datasets.yaml")
    String location();

    /**
     * Also refuse to start when the keymap leaves out a dataset ingest lands, or lists one it does not (else
     * warn). An invalid keymap, or key columns that are not the silver table's primary key, always refuse.
     */
    @WithDefault("false")
    boolean strict();
  }

  /** The DuckDB file. */
  interface Database {
    /** Path of the DuckDB file; its folder is created at start. */
    @WithDefault("${STRATA_RUN_DIR:${user.home}/.strata/run}/warehouse/strata.duckdb")
    Path path();

    /**
     * DuckDB's {@code memory_limit}: a size DuckDB reads ({@code 512MiB}, {@code 2GB}) or a percentage
     * ({@code 35%}) of the memory the JVM sees, which in a container is its memory limit, the same base
     * {@code -XX:MaxRAMPercentage} takes the heap from. Unset: DuckDB's default, 80 % of the memory it
     * sees, which leaves no room for the heap.
     */
    Optional<String> memoryLimit();

    /**
     * DuckDB's worker {@code threads}. Unset: DuckDB's default, one per core of the machine, whatever
     * the container's CPU limit.
     */
    OptionalInt threads();
  }

  /** The bronze Parquet lake written by ingest-service. */
  interface Lake {
    /** Root folder; {@code dataset.ingested} paths are relative to it. */
    @WithDefault("${STRATA_RUN_DIR:${user.home}/.strata/run}/lake")
    Path root();
  }

  /** DuckDB schema migrations. */
  interface Migrations {
    /**
     * Where {@code <version>_<name>.sql} scripts are read from, in order: {@code classpath:<folder>}
     * or {@code filesystem:<path>}. A location that does not exist contributes nothing.
     */
    @WithDefault("classpath:duckdb/warehouse")
    List<String> locations();
  }

  /** Bronze → silver → gold promotion. */
  interface Promotion {
    /** The row loss between layers (0.01 = 1 %) above which the audit refuses to publish. */
    @WithDefault("0.01")
    double maxRowLoss();
  }
}
