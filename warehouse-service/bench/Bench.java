import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * Benchmark helper for warehouse-service (run with `java -cp duckdb.jar:amqp-client.jar Bench.java`).
 *   generate <lake> <rows>          one bronze bars file of <rows> 1-minute bars over 100 symbols
 *   publish <relative-path> <rows> <run-id> <sha256>   announce it on dataset.ingested, as ingest-service would (as
 *       the broker user RABBITMQ_USERNAME on RABBITMQ_VHOST, which the service must trust)
 *   jdbc <lake-file> <db-file> <migrations-dir>   the promotion's core SQL straight over JDBC
 */
public class Bench {

  static final String FILE = "frame=1m/symbol=BENCH/date=2024-01-01/bench.parquet";

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]));
      case "publish" -> publish(args[1], Long.parseLong(args[2]), args[3], args[4]);
      case "jdbc" -> jdbc(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static void generate(Path lake, long rows) throws Exception {
    Path file = lake.resolve(FILE);
    Files.createDirectories(file.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("""
          COPY (SELECT 'S' || lpad(CAST(i %% 100 AS VARCHAR), 3, '0') AS symbol, '1m' AS frame,
                  TIMESTAMPTZ '2020-01-01 00:00:00+00' + to_minutes(CAST(i // 100 AS BIGINT)) AS ts,
                  100 + (i %% 97) AS open, 102 + (i %% 97) AS high, 99 + (i %% 97) AS low, 101 + (i %% 97) AS close,
                  CAST(1000 + i %% 5000 AS DOUBLE) AS volume, false AS outlier, 'bench-job' AS job_id,
                  now() AS ingested_at
                FROM range(%d) AS r(i)) TO '%s' (FORMAT parquet, COMPRESSION zstd)""".formatted(rows, file));
    }
    System.out.println("wrote " + rows + " bars to " + file);
  }

  /** {@code sha256} must be the file's: promotion takes only the file that was announced. */
  static void publish(String path, long rows, String runId, String sha256) throws Exception {
    String json = """
        {"messageId":"%s","type":"dataset-ingested","schemaVersion":1,"occurredAt":"%s","correlationId":"bench",
         "payload":{"dataset":{"domain":"market","source":"producer","dataset":"bars","discriminator":"1m","ticker":"BENCH"},
           "coverageFrom":"2020-01-01T00:00:00Z","coverageTo":"2030-01-01T00:00:00Z","fileId":"bench-file",
           "runId":"%s","rowCount":%d,"sha256":"%s","path":"%s"}}"""
        .formatted(UUID.randomUUID(), Instant.now(), runId, rows, sha256, path);
    var factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    String user = System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest");
    factory.setUsername(user);
    factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
    factory.setVirtualHost(System.getenv().getOrDefault("RABBITMQ_VHOST", "/"));
    try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
      // user_id: the broker vouches for the publisher, and the service takes dataset.ingested only from one it trusts
      channel.basicPublish("", "dataset.ingested", new AMQP.BasicProperties.Builder().contentType("application/json")
          .messageId(UUID.randomUUID().toString()).userId(user).deliveryMode(2).build(), json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Stage (dedup), MERGE into silver, rebuild gold: the statements DuckDbMedallion runs, minus the audit counts. */
  static void jdbc(Path parquet, Path db, Path migrations) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
      try (var files = Files.list(migrations)) {
        for (Path script : files.sorted().toList()) {
          st.execute(Files.readString(script));
        }
      }
      long started = System.nanoTime();
      c.setAutoCommit(false);
      st.execute("CREATE TEMP TABLE stage_silver AS SELECT * FROM read_parquet('" + parquet + "', hive_partitioning = false) QUALIFY "
          + "row_number() OVER (PARTITION BY symbol, frame, ts ORDER BY ingested_at DESC, job_id DESC) = 1");
      st.execute("""
          MERGE INTO silver.bars AS t USING stage_silver AS s
          ON t.symbol = s.symbol AND t.frame = s.frame AND t.ts = s.ts
          WHEN MATCHED AND s.ingested_at >= t.ingested_at THEN UPDATE SET open = s.open, high = s.high, low = s.low,
            close = s.close, volume = s.volume, outlier = s.outlier, job_id = s.job_id, ingested_at = s.ingested_at
          WHEN NOT MATCHED THEN INSERT (symbol, frame, ts, open, high, low, close, volume, outlier, job_id, ingested_at)
            VALUES (s.symbol, s.frame, s.ts, s.open, s.high, s.low, s.close, s.volume, s.outlier, s.job_id, s.ingested_at)""");
      st.execute("INSERT INTO gold.bars SELECT symbol, frame, ts, open, high, low, close, volume FROM stage_silver WHERE NOT outlier");
      c.commit();
      double seconds = (System.nanoTime() - started) / 1e9;
      try (var rs = st.executeQuery("SELECT (SELECT count(*) FROM silver.bars), (SELECT count(*) FROM gold.bars)")) {
        rs.next();
        System.out.printf("jdbc: silver %d, gold %d rows in %.1f s = %.0f rows/s%n", rs.getLong(1), rs.getLong(2),
            seconds, rs.getLong(1) / seconds);
      }
    }
  }
}
