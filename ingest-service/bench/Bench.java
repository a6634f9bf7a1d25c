import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark helper (not a test), run as a single-file program:
 *   copy <csv> <parquet>            DuckDB's own COPY (FROM read_csv(...)) TO parquet, zstd; prints seconds
 *   publish <symbol> <ndjson files…> one bar-batch envelope per file to ingest.bars (default exchange, confirms)
 */
public class Bench {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "copy" -> {
        long t0 = System.nanoTime();
        try (var c = DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
          s.execute("COPY (FROM read_csv('" + args[1] + "')) TO '" + args[2] + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        System.out.printf("%.3f%n", (System.nanoTime() - t0) / 1e9);
      }
      case "publish" -> {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
          channel.confirmSelect();
          for (int i = 2; i < args.length; i++) {
            List<String> lines = Files.readAllLines(Path.of(args[i]));
            String body = "{\"messageId\":\"" + UUID.randomUUID() + "\",\"type\":\"bar-batch\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{\"symbol\":\"" + args[1] + "\",\"frame\":\"1m\","
                + "\"jobId\":\"bench-amqp-" + (i - 2) + "\",\"bars\":[" + String.join(",", lines) + "]}}";
            channel.basicPublish("", "ingest.bars", new AMQP.BasicProperties.Builder().deliveryMode(2)
                .contentType("application/json").messageId(UUID.randomUUID().toString()).build(), body.getBytes());
          }
          channel.waitForConfirmsOrDie(60_000);
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }
}
