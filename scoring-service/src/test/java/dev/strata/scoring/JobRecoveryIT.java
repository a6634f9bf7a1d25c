package dev.strata.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Jobs outlive the process: what other processes left in the registry folder is readable after a start,
 * a job whose runner stopped is failed, and a job another replica still runs is left to it.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(value = LeftoverJobs.class, restrictToAnnotatedClass = true)
@ActingAs(Roles.ADMIN)
class JobRecoveryIT {

  @Test
  void aTrainingJobThatWasRunningWhenTheProcessStoppedIsFailedAsInterrupted() {
    given().get("/trainings/" + LeftoverJobs.RUNNING_TRAINING).then().statusCode(200)
        .body("state", equalTo("FAILED")).body("error", equalTo("interrupted by restart"))
        .body("stage", equalTo("training")).body("model", equalTo("churn_model"));
  }

  @Test
  void aScoringJobThatWasRunningWhenTheProcessStoppedIsFailedAsInterrupted() {
    given().get("/scores/jobs/" + LeftoverJobs.RUNNING_SCORING).then().statusCode(200)
        .body("state", equalTo("FAILED")).body("error", equalTo("interrupted by restart"))
        .body("chunksDone", equalTo(3)).body("rowsScored", equalTo(3000));
  }

  @Test
  void aJobAnotherReplicaIsStillRunningIsNotFailedByThisOnesStart() {
    given().get("/scores/jobs/" + LeftoverJobs.RUNNING_ELSEWHERE).then().statusCode(200)
        .body("state", equalTo("RUNNING")).body("chunksDone", equalTo(1)).body("error", nullValue());
  }

  @Test
  void aFinishedJobOfAnEarlierProcessIsReadableAsItWas() {
    given().get("/trainings/" + LeftoverJobs.FINISHED_TRAINING).then().statusCode(200)
        .body("state", equalTo("SUCCEEDED")).body("version", equalTo("4")).body("promoted", equalTo(false))
        .body("metrics.auc", equalTo(0.7f));
  }

  @Test
  void aJobFinishedLongerAgoThanTheRetentionIsDeletedAtStart() {
    given().get("/scores/jobs/" + LeftoverJobs.EXPIRED_SCORING).then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void anIdThatIsNotAJobIsNotFound() {
    for (String id : new String[] {"0f6f1f0e-9999-4a1a-9a1a-000000000009", "not-a-uuid", "..."}) {
      given().get("/trainings/" + id).then().statusCode(404).contentType("application/problem+json");
      given().get("/scores/jobs/" + id).then().statusCode(404).contentType("application/problem+json");
    }
  }
}
