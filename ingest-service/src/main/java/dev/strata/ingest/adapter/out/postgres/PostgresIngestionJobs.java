package dev.strata.ingest.adapter.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.domain.bar.RejectedRow;
import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobClaim;
import dev.strata.ingest.domain.job.JobKind;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.support.messaging.OutboxRelay;
import dev.strata.support.messaging.TraceParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Ingestion jobs in {@code ingest.ingestion_job}; completion writes the outbox in the same transaction. */
public final class PostgresIngestionJobs implements IngestionJobs {

  // a claim whose lease ended before now ($5) is a dead holder's: any attempt may take the job over.
  // Rows claimed before claimed_until existed keep the lease they were written under (5 minutes).
  private static final String BEGIN = """
      INSERT INTO ingestion_job (id, kind, status, symbol, frame, created_at, updated_at, claimed_by, claimed_until)
      VALUES ($1, $2, 'IN_PROGRESS', $3, $4, $5, $5, $6, $7)
      ON CONFLICT (id) DO UPDATE SET status = 'IN_PROGRESS', accepted = 0, rejections = '[]', files = '[]',
        error = NULL, updated_at = EXCLUDED.updated_at, claimed_by = EXCLUDED.claimed_by, claimed_until = EXCLUDED.claimed_until
      WHERE ingestion_job.status = 'FAILED'
        OR (ingestion_job.status = 'IN_PROGRESS'
            AND COALESCE(ingestion_job.claimed_until, ingestion_job.updated_at + INTERVAL '5 minutes') < $5)
        OR ($8 AND ingestion_job.status = 'COMPLETED')
      RETURNING id""";
  private static final String RENEW = """
      UPDATE ingestion_job SET claimed_until = $3
      WHERE id = $1 AND claimed_by = $2 AND status = 'IN_PROGRESS'""";
  // only the holder may finish its job; claimed_by stays as a record of who ran it
  private static final String FINISH = """
      UPDATE ingestion_job SET status = $2, accepted = $3, rejections = $4::jsonb, files = $5::jsonb, error = $6, updated_at = $7,
        claimed_until = NULL
      WHERE id = $1 AND claimed_by = $8 AND status = 'IN_PROGRESS'""";
  /** The outbox, in ingest's schema (the connections' search path). */
  public static final String OUTBOX_TABLE = "outbox";
  private static final String OUTBOX = OutboxRelay.insert(OUTBOX_TABLE);

  private static final TypeReference<List<RejectedRow>> REJECTIONS = new TypeReference<>() { };
  private static final TypeReference<List<LandedFile>> FILES = new TypeReference<>() { };

  private final Pool pool;
  private final ObjectMapper json;
  private final EnvelopeCodec codec = new EnvelopeCodec();
  private final Runnable afterCommit;

  /** @param afterCommit nudges the outbox relay once new messages are committed */
  public PostgresIngestionJobs(Pool pool, ObjectMapper json, Runnable afterCommit) {
    this.pool = pool;
    this.json = json;
    this.afterCommit = afterCommit;
  }

  @Override
  public CompletionStage<Optional<IngestionJob>> find(String id) {
    return find(pool, id).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Optional<IngestionJob>> begin(IngestionJob started, JobClaim claim, boolean overwrite) {
    OffsetDateTime now = utc(started.updatedAt());
    Tuple row = Tuple.from(Arrays.asList(started.id(), started.kind().name(), started.symbol(), started.frame(), now,
        claim.holder(), utc(claim.until()), overwrite));
    return pool.preparedQuery(BEGIN).execute(row)
        .flatMap(claimed -> claimed.rowCount() == 1
            ? Uni.createFrom().item(Optional.<IngestionJob>empty())
            : find(pool, started.id()))
        .subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Boolean> renew(String id, JobClaim claim) {
    return pool.preparedQuery(RENEW).execute(Tuple.of(id, claim.holder(), utc(claim.until())))
        .map(renewed -> renewed.rowCount() == 1)
        .subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Boolean> finish(IngestionJob job, String holder, List<Envelope<DatasetIngested>> events) {
    Tuple update = Tuple.from(Arrays.asList(job.id(), job.status().name(), job.accepted(), write(job.rejections()),
        write(job.files()), job.error(), utc(job.updatedAt()), holder));
    List<Tuple> outboxRows = events.stream().map(event -> outboxRow(event, TraceParent.current())).toList();
    return pool.withTransaction(connection -> connection.preparedQuery(FINISH).execute(update)
            .flatMap(done -> done.rowCount() == 0 || events.isEmpty()
                ? Uni.createFrom().item(done.rowCount() == 1)
                : connection.preparedQuery(OUTBOX).executeBatch(outboxRows).replaceWith(true)))
        .invoke(held -> {
          if (held && !events.isEmpty()) {
            afterCommit.run();
          }
        })
        .subscribeAsCompletionStage();
  }

  private Tuple outboxRow(Envelope<DatasetIngested> envelope, String traceParent) {
    return Tuple.of(envelope.messageId(), envelope.type(), envelope.correlationId(),
        io.vertx.core.buffer.Buffer.buffer(codec.encode(envelope)), utc(envelope.occurredAt()), traceParent);
  }

  private Uni<Optional<IngestionJob>> find(SqlClient client, String id) {
    return client.preparedQuery("SELECT * FROM ingestion_job WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toJob(rows.iterator().next())));
  }

  private IngestionJob toJob(Row row) {
    String error = row.getString("error");
    return new IngestionJob(row.getString("id"), JobKind.valueOf(row.getString("kind")), JobStatus.valueOf(row.getString("status")),
        row.getString("symbol"), row.getString("frame"), row.getInteger("accepted"),
        read(row.getValue("rejections").toString(), REJECTIONS), read(row.getValue("files").toString(), FILES),
        error,
        row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write job details as JSON", e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored job details are not valid JSON", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
