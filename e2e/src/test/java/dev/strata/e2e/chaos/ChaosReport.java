package dev.strata.e2e.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The one table the fault suite prints and writes to {@code target/chaos-report.md}. */
final class ChaosReport {

  private final List<Outcome> outcomes = new ArrayList<>();
  private final Instant started = Instant.now();

  synchronized void add(Outcome outcome) {
    outcomes.add(outcome);
  }

  synchronized String table() {
    StringBuilder out = new StringBuilder();
    out.append("| experiment | offered | exactly once | lost | duplicated | recovery | verdict | notes |\n");
    out.append("|---|---:|---:|---:|---:|---:|---|---|\n");
    for (Outcome o : outcomes) {
      out.append("| %s | %d | %d | %d | %d | %s | %s | %s |\n".formatted(o.experiment(), o.offered(), o.exactlyOnce(),
          o.lost(), o.duplicated(), seconds(o.recovery()), o.clean() ? "PASS" : "FAIL",
          escape(o.failure() == null ? o.notes() : o.notes() + "; FAILED: " + o.failure())));
    }
    return out.toString();
  }

  /** Each experiment's notes and failure in full: the table cuts them short. */
  synchronized String details() {
    StringBuilder out = new StringBuilder("## Details\n");
    for (Outcome o : outcomes) {
      out.append("- **").append(o.experiment()).append("**: ").append(o.notes());
      if (o.failure() != null) {
        out.append(" — FAILED: ").append(o.failure());
      }
      out.append('\n');
    }
    return out.toString();
  }

  synchronized void write(Path file, String header) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "# Fault suite, " + started + "\n\n" + header + "\n\n" + table() + "\n" + details());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String seconds(Duration recovery) {
    return recovery == null ? "-" : "%.1f s".formatted(recovery.toMillis() / 1000.0);
  }

  private static String escape(String text) {
    String oneLine = text.replace('\n', ' ').replace("|", "\\|");
    return oneLine.length() > 400 ? oneLine.substring(0, 400) + "…" : oneLine;
  }
}
