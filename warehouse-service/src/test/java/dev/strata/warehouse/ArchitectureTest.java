package dev.strata.warehouse;

import dev.strata.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void dependenciesPointInwardAndTheDomainTouchesNoFramework() {
    HexagonalArchitecture.verify("warehouse");
  }
}
