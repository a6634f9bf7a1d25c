package dev.strata.agent.settings;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Attachment storage ({@code agent.files.*}) and the body limit of every other request ({@code agent.http.*}). */
@ConfigMapping(prefix = "agent")
public interface FilesConfig {

  Files files();

  Http http();

  /** Uploaded files. */
  interface Files {
    /** Folder of the local file store (blobs by sha256, staging copies); a volume in Kubernetes. */
    String root();

    /** Largest accepted upload; bigger ones are answered 413 and nothing is kept. */
    @WithDefault("25M")
    MemorySize maxSize();

    /** Media types an upload may declare; {@code type/*} allows a family. */
    @WithDefault("text/plain,text/csv,text/markdown,application/json,application/pdf,application/zip,"
        + "application/gzip,application/octet-stream,image/png,image/jpeg,image/gif,image/webp")
    List<String> contentTypes();

    /**
     * How often blobs that no attachment references any more (their session or execution was
     * deleted) are removed: a duration, or {@code off} (read by {@code OrphanContentSweeper}'s schedule).
     */
    @WithDefault("1h")
    String sweepInterval();

    /**
     * A staging file ({@code <root>/staging/<uuid>.part}) untouched this long is a dead upload's and
     * is removed by the same schedule (and once at start-up). A live upload writes its staging file
     * chunk after chunk, and even a 25M upload over a slow link takes minutes, so an hour keeps a
     * wide margin.
     */
    @WithDefault("PT1H")
    java.time.Duration stagingMaxAge();
  }

  /** Request bodies other than uploads. */
  interface Http {
    /**
     * Largest JSON body (a workflow definition, an LLM prompt). {@code quarkus.http.limits.max-body-size}
     * must stay at least {@link Files#maxSize()}: it is the outer limit, this one the inner.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();
  }
}
