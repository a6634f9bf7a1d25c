package dev.strata.ingest.adapter.in.rest;

import dev.strata.ingest.application.IngestionReport;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.kernel.error.Problem;
import dev.strata.kernel.error.ProblemType;
import dev.strata.support.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Maps a report to HTTP: 201 for a landed job, 200 for a replayed one, 422 problem+json listing
 * every rejected row when the batch was refused (nothing landed).
 */
final class IngestionResponses {

  private IngestionResponses() {}

  static Response of(IngestionReport report) {
    if (report.status() == JobStatus.FAILED) {
      List<Problem.Violation> rows = report.rejected().stream()
          .map(row -> new Problem.Violation("rows[" + row.row() + "]", row.policy() + ": " + row.reason()))
          .toList();
      Problem problem = Problem.of(ProblemType.INVALID_REQUEST, "job " + report.jobId() + " refused: " + report.error(), rows)
          .withInstance("/jobs/" + report.jobId());
      return ProblemResponses.of(problem);
    }
    if (report.replayed()) {
      return Response.ok(report).build();
    }
    return Response.created(URI.create("/jobs/" + report.jobId())).entity(report).build();
  }
}
