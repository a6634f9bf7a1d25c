import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Benchmark helper (not a test), run as a single-file program:
 *   copy <csv> <parquet>            DuckDB's own COPY (FROM read_csv(...)) TO parquet, zstd; prints seconds
 *   copy-partitioned <dir> <csv…>   the same COPY of each CSV into the lake's layout (frame=/symbol=/date=, one file
 *                                   per UTC day), one COPY per file as the service gets one request per file; prints seconds
 *   publish <symbol> <job-id prefix> <ndjson files…>
 *                                   one bar-batch envelope per file to ingest.bars (default exchange, confirms);
 *                                   the bodies are built first, then the epoch second of the first publish is printed
 *   token <private-key.der>         an RS256 operator JWT (issuer strata, 1 h) signed by the bench's own key pair
 */
public class Bench {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "copy" -> timedDuckDb(
          "COPY (FROM read_csv('" + args[1] + "')) TO '" + args[2] + "' (FORMAT parquet, COMPRESSION zstd)");
      case "copy-partitioned" -> timedDuckDb(IntStream.range(2, args.length).mapToObj(i ->
          "COPY (SELECT '1m' AS frame, 'BENCH' AS symbol, CAST(make_timestamp(ts // 1000) AS DATE) AS date, "
              + "make_timestamp(ts // 1000) AS ts, open, high, low, close, volume FROM read_csv('" + args[i] + "')) TO '"
              + args[1] + "' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (frame, symbol, date), "
              + "FILENAME_PATTERN 'part-" + i + "-{i}', OVERWRITE_OR_IGNORE)").toArray(String[]::new));
      case "publish" -> {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(System.getenv().getOrDefault("RABBITMQ_VHOST", "/"));
        try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
          channel.confirmSelect();
          List<byte[]> bodies = new java.util.ArrayList<>();
          for (int i = 3; i < args.length; i++) {
            List<String> lines = Files.readAllLines(Path.of(args[i]));
            String body = "{\"messageId\":\"" + UUID.randomUUID() + "\",\"type\":\"bar-batch\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{\"symbol\":\"" + args[1] + "\",\"frame\":\"1m\","
                + "\"jobId\":\"" + args[2] + (i - 3) + "\",\"bars\":[" + String.join(",", lines) + "]}}";
            bodies.add(body.getBytes());
          }
          java.time.Instant first = java.time.Instant.now();
          for (byte[] body : bodies) {
            channel.basicPublish("", "ingest.bars", new AMQP.BasicProperties.Builder().deliveryMode(2)
                .contentType("application/json").messageId(UUID.randomUUID().toString()).build(), body);
          }
          channel.waitForConfirmsOrDie(60_000);
          System.out.printf("%d.%09d%n", first.getEpochSecond(), first.getNano());
        }
      }
      case "token" -> {
        var key = java.security.KeyFactory.getInstance("RSA")
            .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Files.readAllBytes(Path.of(args[1]))));
        var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String unsigned = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes()) + "."
            + b64.encodeToString(("{\"iss\":\"strata\",\"upn\":\"bench\",\"groups\":[\"operator\"],\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + "}").getBytes());
        var signature = java.security.Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(unsigned.getBytes());
        System.out.println(unsigned + "." + b64.encodeToString(signature.sign()));
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** Runs the statements on one in-memory DuckDB and prints the seconds they took, connecting included. */
  private static void timedDuckDb(String... statements) throws Exception {
    long t0 = System.nanoTime();
    try (var c = DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
    System.out.printf("%.3f%n", (System.nanoTime() - t0) / 1e9);
  }
}
