package dev.strata.ingest;

import dev.strata.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void ingestServiceKeepsItsLayersAndItsDomainFreeOfFrameworks() {
    HexagonalArchitecture.verify("ingest");
  }
}
