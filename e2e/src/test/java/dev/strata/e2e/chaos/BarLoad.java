package dev.strata.e2e.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.e2e.EventProducer;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.messaging.contract.BarBatch;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bar batches as units of work, each with its own symbol and job id, and the measure of what became of
 * them: the ingest job, the warehouse run, and the bars in the lake, counted per (symbol, ts).
 */
final class BarLoad {

  private static final Instant FIRST_BAR = Instant.parse("2024-01-02T00:00:00Z");

  private final Rig rig;
  private final String jobPrefix;
  private final String symbolPrefix;
  private final List<BarBatch> batches = new ArrayList<>();

  /** @param code two letters naming the experiment, so its symbols and jobs are its own */
  BarLoad(Rig rig, String code, int count, int barsPerBatch) {
    this.rig = rig;
    this.jobPrefix = "chaos-" + rig.tag + "-" + code.toLowerCase() + "-";
    this.symbolPrefix = code.toUpperCase() + rig.tag.toUpperCase().substring(0, 4) + "-";
    for (int i = 0; i < count; i++) {
      List<Bar> bars = new ArrayList<>(barsPerBatch);
      for (int minute = 0; minute < barsPerBatch; minute++) {
        double open = 100 + (minute % 50) * 0.1;
        bars.add(new Bar(FIRST_BAR.plusSeconds(60L * minute), open, open + 1, open - 1, open + 0.5, 1000.0 + minute));
      }
      batches.add(new BarBatch(symbolPrefix + i, "1m", bars, jobPrefix + i));
    }
  }

  int size() {
    return batches.size();
  }

  BarBatch batch(int i) {
    return batches.get(i);
  }

  void publishAll(EventProducer producer) {
    batches.forEach(batch -> producer.publish(MessageType.BAR_BATCH, batch, rig.tag));
  }

  /** {@code POST /bars} of batch {@code i}, retried with its job id until it is answered 2xx. */
  void post(int i, Map<String, AtomicLong> seen) {
    BarBatch batch = batches.get(i);
    StringBuilder json = new StringBuilder("[");
    for (Bar bar : batch.bars()) {
      json.append(json.length() > 1 ? "," : "").append("{\"ts\":\"").append(bar.ts()).append("\",\"open\":").append(bar.open())
          .append(",\"high\":").append(bar.high()).append(",\"low\":").append(bar.low()).append(",\"close\":").append(bar.close())
          .append(",\"volume\":").append(bar.volume()).append('}');
    }
    String body = json.append(']').toString();
    Rig.retrying(() -> rig.api.postText("ingest", "/bars?symbol=" + batch.symbol() + "&frame=1m&jobId=" + batch.jobId(),
        "application/json", body), seen);
  }

  /** Jobs COMPLETED in ingest so far. */
  long completedJobs() {
    return jobStates().values().stream().filter(state -> state.status.equals("COMPLETED")).count();
  }

  /** Runs the warehouse promoted so far. */
  long promotedRuns() {
    return runs().values().stream().filter(run -> run.path("status").asText().equals("promoted")).count();
  }

  /** True when every job has reached its end in ingest and in the warehouse. */
  boolean settled() {
    Map<String, JobState> jobs = jobStates();
    Map<String, JsonNode> runs = runs();
    for (BarBatch batch : batches) {
      JobState job = jobs.get(batch.jobId());
      JsonNode run = runs.get(batch.jobId());
      if (job == null || !job.status.equals("COMPLETED") && !job.status.equals("FAILED")
          || run == null || run.path("status").asText().equals("pending")) {
        return false;
      }
    }
    return true;
  }

  /** Counts each batch: done once (job, run and lake agree on its bars), missing, or more than once. */
  Outcome measure(String experiment, Duration recovery, String notes) {
    Map<String, JobState> jobs = jobStates();
    Map<String, JsonNode> runs = runs();
    Map<String, long[]> lakeRows = lakeRows();
    long once = 0;
    long lost = 0;
    long duplicated = 0;
    List<String> problems = new ArrayList<>();
    for (BarBatch batch : batches) {
      int offered = batch.bars().size();
      JobState job = jobs.get(batch.jobId());
      JsonNode run = runs.get(batch.jobId());
      long[] lake = lakeRows.getOrDefault(batch.symbol(), new long[] {0, 0});
      boolean twice = lake[0] > lake[1] || lake[0] > offered || job != null && job.accepted > offered
          || run != null && run.path("rows").asLong() > offered;
      boolean missing = job == null || !job.status.equals("COMPLETED") || run == null
          || !run.path("status").asText().equals("promoted") || lake[1] < offered || run.path("rows").asLong() < offered;
      if (twice) {
        duplicated++;
        problems.add(batch.jobId() + " twice: lake rows " + lake[0] + " distinct ts " + lake[1] + " run " + run);
      } else if (missing) {
        lost++;
        problems.add(batch.jobId() + " missing: job " + (job == null ? "none" : job.status) + " run " + run + " lake " + lake[1]);
      } else {
        once++;
      }
    }
    String detail = problems.isEmpty() ? notes : notes + "; " + String.join("; ", problems.subList(0, Math.min(3, problems.size())));
    return new Outcome(experiment, batches.size(), once, lost, duplicated, recovery, detail, null);
  }

  private record JobState(String status, long accepted) {}

  private Map<String, JobState> jobStates() {
    Map<String, JobState> states = new HashMap<>();
    try (Connection db = Rig.database();
        PreparedStatement query = db.prepareStatement("select id, status, accepted from ingest.ingestion_job where id like ?")) {
      query.setString(1, jobPrefix + "%");
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          states.put(rows.getString(1), new JobState(rows.getString(2), rows.getLong(3)));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("ingest's jobs unreadable", e);
    }
    return states;
  }

  private Map<String, JsonNode> runs() {
    Map<String, JsonNode> runs = new HashMap<>();
    for (JsonNode run : rig.api.get("warehouse", "/ops/runs?limit=10000")) {
      if (run.path("runId").asText().startsWith(jobPrefix)) {
        runs.put(run.path("runId").asText(), run);
      }
    }
    return runs;
  }

  /** Per symbol: bars in the lake and distinct timestamps among them, read from the Parquet files with DuckDB. */
  private Map<String, long[]> lakeRows() {
    Map<String, long[]> rows = new HashMap<>();
    String glob = rig.lake.resolve("frame=1m").toString() + "/symbol=" + symbolPrefix + "*/*/*.parquet";
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
      try (ResultSet result = sql.executeQuery("select symbol, count(*), count(distinct ts) from read_parquet('"
          + glob + "', hive_partitioning = false) group by symbol")) {
        while (result.next()) {
          rows.put(result.getString(1), new long[] {result.getLong(2), result.getLong(3)});
        }
      }
    } catch (java.sql.SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("No files found")) {
        throw new IllegalStateException("the lake is unreadable", e);
      }
    }
    return rows;
  }
}
