package dev.strata.scoring;

import dev.strata.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void scoringServiceKeepsItsDomainPureAndItsDependenciesPointingInward() {
    HexagonalArchitecture.verify("scoring");
  }
}
