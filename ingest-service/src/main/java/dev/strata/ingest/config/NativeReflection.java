package dev.strata.ingest.config;

import dev.strata.ingest.domain.bar.RejectedRow;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.ingest.domain.lake.StoredBar;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.messaging.contract.BarBatch;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.messaging.contract.UsageEvent;
import dev.strata.kernel.messaging.contract.UsageEventBatch;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records Jackson reads and writes through mappers Quarkus does not see (the message codec of
 * shared-kernel, the job details in Postgres, the lake's manifests, the market-data archive, the NDJSON
 * bar stream), kept for reflection in a native image; the JVM build does not need this.
 */
@RegisterForReflection(
    targets = {
      Envelope.class, BarBatch.class, Bar.class, UsageEventBatch.class, UsageEvent.class, DatasetIngested.class,
      DatasetIdentity.class, AuditEvent.class, RejectedRow.class, LandedFile.class, StoredBar.class
    },
    classNames = {
      "dev.strata.ingest.adapter.out.parquet.Manifest",
      "dev.strata.ingest.adapter.out.alpaca.ResponseArchive$Exchange",
      "dev.strata.ingest.adapter.out.alpaca.ResponseArchive$Request",
      "dev.strata.ingest.adapter.out.alpaca.AlpacaBars$Body",
      "dev.strata.ingest.adapter.out.alpaca.AlpacaBars$AlpacaBar"
    })
final class NativeReflection {

  private NativeReflection() {}
}
