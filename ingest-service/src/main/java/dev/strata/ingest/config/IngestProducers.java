package dev.strata.ingest.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.adapter.out.alpaca.AlpacaMarketData;
import dev.strata.ingest.adapter.out.micrometer.MeteredIngestionJobs;
import dev.strata.ingest.adapter.out.parquet.BarSql;
import dev.strata.ingest.adapter.out.parquet.DuckDbLakeReader;
import dev.strata.ingest.adapter.out.parquet.ParquetBronzeLake;
import dev.strata.ingest.adapter.out.postgres.PostgresCheckpoints;
import dev.strata.ingest.adapter.out.postgres.PostgresIngestionJobs;
import dev.strata.ingest.adapter.out.postgres.PostgresSymbolDays;
import dev.strata.ingest.application.ClaimTerms;
import dev.strata.ingest.application.DomainEvents;
import dev.strata.ingest.application.FindJob;
import dev.strata.ingest.application.IngestBars;
import dev.strata.ingest.application.IngestUsage;
import dev.strata.ingest.application.JobLifecycle;
import dev.strata.ingest.application.PullBars;
import dev.strata.ingest.application.ReadBars;
import dev.strata.ingest.application.ReportSessionGaps;
import dev.strata.ingest.application.ReadJobBars;
import dev.strata.ingest.application.RecordSymbolDays;
import dev.strata.ingest.application.WaitForRunningJob;
import dev.strata.ingest.domain.calendar.NyseCalendar;
import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.lake.BronzeLake;
import dev.strata.ingest.domain.lake.LakeReader;
import dev.strata.ingest.domain.symbolbars.BarsLanded;
import dev.strata.ingest.domain.symbolbars.SymbolDays;
import dev.strata.ingest.settings.IngestConfig;
import dev.strata.support.messaging.OutboundMessages;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import dev.strata.support.messaging.OutboxRelay;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** The composition root: builds the use cases from their ports' adapters. */
@ApplicationScoped
public class IngestProducers {

  private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IngestProducers.class);

  private final IngestConfig config;
  /** Where blocking adapters (the Parquet lake, DuckDB reads, the provider's HTTP client) complete their calls. */
  private final Executor blocking = Infrastructure.getDefaultWorkerPool();

  IngestProducers(IngestConfig config) {
    this.config = config;
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  BronzeLake bronzeLake(ObjectMapper json) {
    try {
      Files.createDirectories(config.lake().root());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the lake root " + config.lake().root(), e);
    }
    return new ParquetBronzeLake(config.lake().root(), json, blocking);
  }

  @Produces
  @Singleton
  LakeReader lakeReader() {
    var session = config.session();
    return new DuckDbLakeReader(config.lake().root(), new BarSql(session.zone(), session.open(), session.close()), blocking);
  }

  @Produces
  @Singleton
  @Startup // its counters exist at zero from the start, before the first job
  IngestionJobs ingestionJobs(Pool pool, ObjectMapper json, OutboxRelay relay, MeterRegistry meters) {
    return new MeteredIngestionJobs(new PostgresIngestionJobs(pool, json, relay::nudge), meters);
  }

  @Produces
  @Singleton
  OutboxRelay outboxRelay(Pool pool, @Channel("dataset-ingested") Emitter<byte[]> emitter, OutboundMessages outbound) {
    var outbox = config.outbox();
    return new OutboxRelay(pool, emitter, outbound, PostgresIngestionJobs.OUTBOX_TABLE, outbox.batchSize(), outbox.confirmTimeout(),
        outbox.relayEvery());
  }

  @Produces
  @Singleton
  ClaimTerms claimTerms() {
    // host and pid name the holder of a job for an operator; the per-attempt uuid is added per claim
    String process = ProcessHandle.current().pid() + "@" + System.getenv().getOrDefault("HOSTNAME", "localhost");
    return new ClaimTerms(process, config.jobs().lease(), config.jobs().heartbeatEvery());
  }

  @Produces
  @Singleton
  WaitForRunningJob waitForRunningJob(IngestionJobs jobs) {
    return new WaitForRunningJob(jobs, config.jobs().heartbeatEvery());
  }

  @Produces
  @Singleton
  JobLifecycle jobLifecycle(IngestionJobs jobs, BronzeLake lake, Clock clock, ClaimTerms terms) {
    return new JobLifecycle(jobs, lake, clock, terms);
  }

  @Produces
  @Singleton
  IngestBars ingestBars(JobLifecycle lifecycle, BronzeLake lake, Clock clock, DomainEvents events) {
    return new IngestBars(lifecycle, lake, clock, events);
  }

  @Produces
  @Singleton
  SymbolDays symbolDays(Pool pool) {
    return new PostgresSymbolDays(pool);
  }

  /** In-process domain events and their handlers; a failing handler is logged, never propagated. */
  @Produces
  @Singleton
  DomainEvents domainEvents(SymbolDays symbolDays) {
    DomainEvents events = new DomainEvents(failure -> LOG.warnf("a domain event handler failed: %s", failure.getMessage()));
    events.subscribe(BarsLanded.class, new RecordSymbolDays(symbolDays)::on);
    return events;
  }

  @Produces
  @Singleton
  IngestUsage ingestUsage(JobLifecycle lifecycle, BronzeLake lake, Clock clock) {
    return new IngestUsage(lifecycle, lake, clock);
  }

  @Produces
  @Singleton
  FindJob findJob(IngestionJobs jobs) {
    return new FindJob(jobs);
  }

  @Produces
  @Singleton
  ReadJobBars readJobBars(FindJob findJob, LakeReader reader) {
    return new ReadJobBars(findJob, reader);
  }

  @Produces
  @Singleton
  PullBars pullBars(LakeReader reader, Pool pool, IngestBars ingestBars, ObjectMapper json) {
    var alpaca = config.alpaca();
    var settings = new AlpacaMarketData.Settings(alpaca.baseUrl(), alpaca.keyId().orElse(""), alpaca.secretKey().orElse(""),
        alpaca.requestsPerMinute(), alpaca.maxAttempts(), alpaca.firstBackoff(), alpaca.maxBackoff());
    return new PullBars(new AlpacaMarketData(settings, alpaca.archive(), json, blocking), reader, new PostgresCheckpoints(pool),
        ingestBars, new NyseCalendar());
  }

  @Produces
  @Singleton
  ReadBars readBars(LakeReader reader) {
    return new ReadBars(reader);
  }

  @Produces
  @Singleton
  ReportSessionGaps reportSessionGaps(LakeReader reader) {
    return new ReportSessionGaps(reader, new NyseCalendar());
  }
}
