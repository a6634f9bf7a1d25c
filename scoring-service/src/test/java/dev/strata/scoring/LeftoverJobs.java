package dev.strata.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A temporary registry folder holding the job records other processes left, written before the
 * application starts: a training and a scoring job a stopped process was still running (untouched
 * for an hour), a training job it had finished, and a scoring job that another replica is running
 * right now (touched just before this process starts; the lease is 10 minutes here), and a scoring job
 * that finished 8 days ago (past the default 7-day retention).
 */
public class LeftoverJobs extends TemporaryModelFolder {

  public static final String RUNNING_TRAINING = "0f6f1f0e-1111-4a1a-9a1a-000000000001";
  public static final String RUNNING_SCORING = "0f6f1f0e-2222-4a1a-9a1a-000000000002";
  public static final String FINISHED_TRAINING = "0f6f1f0e-3333-4a1a-9a1a-000000000003";
  public static final String RUNNING_ELSEWHERE = "0f6f1f0e-4444-4a1a-9a1a-000000000004";
  public static final String EXPIRED_SCORING = "0f6f1f0e-5555-4a1a-9a1a-000000000005";

  @Override
  public Map<String, String> start() {
    Map<String, String> config = super.start();
    Path jobs = Path.of(config.get("scoring.registry.folder")).resolve(".jobs");
    Instant anHourAgo = Instant.now().minusSeconds(3600);
    String before = anHourAgo.toString();
    try {
      Files.createDirectories(jobs.resolve("training"));
      Files.createDirectories(jobs.resolve("scoring"));
      Files.writeString(jobs.resolve("training").resolve(RUNNING_TRAINING + ".json"), """
          {"id":"%s","model":"churn_model","state":"RUNNING","stage":"training","rows":1500,"startedAt":"%s",
           "version":null,"promoted":null,"metrics":{},"error":null}""".formatted(RUNNING_TRAINING, before));
      Files.writeString(jobs.resolve("training").resolve(FINISHED_TRAINING + ".json"), """
          {"id":"%s","model":"risk_model","state":"SUCCEEDED","stage":"done","rows":1500,"startedAt":"%s",
           "version":"4","promoted":false,"metrics":{"auc":0.7},"error":null}""".formatted(FINISHED_TRAINING, before));
      Files.writeString(jobs.resolve("scoring").resolve(RUNNING_SCORING + ".json"), """
          {"id":"%s","state":"RUNNING","chunksDone":3,"chunksTotal":null,"rowsScored":3000,"startedAt":"%s",
           "finishedAt":null,"result":null,"error":null}""".formatted(RUNNING_SCORING, before));
      Files.writeString(jobs.resolve("scoring").resolve(RUNNING_ELSEWHERE + ".json"), """
          {"id":"%s","state":"RUNNING","chunksDone":1,"chunksTotal":5,"rowsScored":1000,"startedAt":"%s",
           "finishedAt":null,"result":null,"error":null}""".formatted(RUNNING_ELSEWHERE, before));
      Path expired = jobs.resolve("scoring").resolve(EXPIRED_SCORING + ".json");
      Files.writeString(expired, """
          {"id":"%s","state":"SUCCEEDED","chunksDone":1,"chunksTotal":1,"rowsScored":10,"startedAt":"%s",
           "finishedAt":"%s","result":null,"error":null}""".formatted(EXPIRED_SCORING, before, before));
      Files.setLastModifiedTime(expired, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
      for (Path stopped : List.of(jobs.resolve("training").resolve(RUNNING_TRAINING + ".json"),
          jobs.resolve("training").resolve(FINISHED_TRAINING + ".json"), jobs.resolve("scoring").resolve(RUNNING_SCORING + ".json"))) {
        Files.setLastModifiedTime(stopped, FileTime.from(anHourAgo));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> withLease = new HashMap<>(config);
    withLease.put("scoring.jobs.lease", "10m");
    return withLease;
  }
}
