package dev.strata.ingest;

import dev.strata.testing.OperatorEndpointsContract;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class EndpointsIT extends OperatorEndpointsContract {

  @Override
  protected String[] readinessChecks() {
    return new String[] {"parquet-lake", "PostgreSQL", "SmallRye Reactive Messaging"};
  }
}
