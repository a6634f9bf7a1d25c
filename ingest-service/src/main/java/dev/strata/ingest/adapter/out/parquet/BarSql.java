package dev.strata.ingest.adapter.out.parquet;

import dev.strata.ingest.domain.lake.Aggregation;
import dev.strata.ingest.domain.lake.LakeReader.BarQuery;
import dev.strata.ingest.domain.lake.StoredBar;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The DuckDB SQL of bar reads: de-duplication on (symbol, ts) keeping the latest ingestion, then
 * either the bars as stored, fixed intraday buckets, or daily bars cut at the exchange session in
 * its own time zone — so 09:30 New York is 14:30 UTC in winter and 13:30 UTC in summer.
 */
public final class BarSql {

  private static final String DEDUPED = """
      SELECT symbol, frame, ts, open, high, low, close, volume, outlier, job_id
      FROM read_parquet(%s, union_by_name = true)
      WHERE ts >= ? AND ts < ?
      QUALIFY row_number() OVER (PARTITION BY symbol, ts ORDER BY ingested_at DESC, job_id DESC) = 1""";

  private static final String BUCKETED = """
      SELECT symbol, ?::VARCHAR AS frame, time_bucket(to_seconds(?), ts) AS ts, arg_min(open, ts) AS open, max(high) AS high,
        min(low) AS low, arg_max(close, ts) AS close, sum(volume) AS volume, bool_or(outlier) AS outlier, max(job_id) AS job_id
      FROM deduped GROUP BY ALL""";

  private static final String SESSIONS = """
      SELECT symbol, '1d' AS frame, (ts AT TIME ZONE ?)::DATE AS day, arg_min(open, ts) AS open, max(high) AS high,
        min(low) AS low, arg_max(close, ts) AS close, sum(volume) AS volume, bool_or(outlier) AS outlier, max(job_id) AS job_id
      FROM deduped
      WHERE (ts AT TIME ZONE ?)::TIME >= ?::TIME AND (ts AT TIME ZONE ?)::TIME < ?::TIME
      GROUP BY ALL""";

  private final ZoneId zone;
  private final LocalTime open;
  private final LocalTime close;

  /** The exchange whose session daily bars follow, e.g. America/New_York 09:30–16:00. */
  public BarSql(ZoneId zone, LocalTime open, LocalTime close) {
    this.zone = zone;
    this.open = open;
    this.close = close;
  }

  String select(String glob, BarQuery query) {
    String deduped = DEDUPED.formatted(DuckDbSql.literal(glob));
    Aggregation aggregation = query.aggregation();
    if (aggregation == null) {
      return deduped + " ORDER BY ts";
    }
    String rollup = aggregation.session() ? SESSIONS : BUCKETED;
    return "WITH deduped AS (" + deduped + ") SELECT * FROM (" + rollup + ") ORDER BY " + (aggregation.session() ? "day" : "ts");
  }

  void bind(PreparedStatement statement, BarQuery query) throws SQLException {
    int index = 1;
    statement.setObject(index++, (query.from() == null ? Instant.EPOCH : query.from()).atOffset(java.time.ZoneOffset.UTC));
    statement.setObject(index++, (query.to() == null ? Instant.parse("9999-01-01T00:00:00Z") : query.to()).atOffset(java.time.ZoneOffset.UTC));
    Aggregation aggregation = query.aggregation();
    if (aggregation == null) {
      return;
    }
    if (aggregation.session()) {
      statement.setString(index++, zone.getId());
      statement.setString(index++, zone.getId());
      statement.setString(index++, open.toString());
      statement.setString(index++, zone.getId());
      statement.setString(index, close.toString());
    } else {
      statement.setString(index++, aggregation.target().value());
      statement.setLong(index, aggregation.target().duration().toSeconds());
    }
  }

  StoredBar read(ResultSet rows, BarQuery query) throws SQLException {
    if (query.aggregation() != null && query.aggregation().session()) {
      LocalDate day = rows.getObject("day", LocalDate.class);
      Instant sessionOpen = ZonedDateTime.of(day, open, zone).toInstant();
      return new StoredBar(rows.getString("symbol"), "1d", sessionOpen, rows.getDouble("open"), rows.getDouble("high"),
          rows.getDouble("low"), rows.getDouble("close"), rows.getDouble("volume"), rows.getBoolean("outlier"), rows.getString("job_id"));
    }
    return stored(rows);
  }

  static StoredBar stored(ResultSet rows) throws SQLException {
    return new StoredBar(rows.getString("symbol"), rows.getString("frame"), rows.getObject("ts", OffsetDateTime.class).toInstant(),
        rows.getDouble("open"), rows.getDouble("high"), rows.getDouble("low"), rows.getDouble("close"),
        rows.getDouble("volume"), rows.getBoolean("outlier"), rows.getString("job_id"));
  }
}
