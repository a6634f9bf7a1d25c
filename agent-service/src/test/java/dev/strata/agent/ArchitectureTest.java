package dev.strata.agent;

import dev.strata.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void dependenciesPointInwardAndTheDomainTouchesNoFramework() {
    HexagonalArchitecture.verify("agent");
  }
}
