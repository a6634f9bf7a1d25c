package dev.strata.warehouse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.domain.query.NamedQuery;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedQueryTest {

  @Test
  void anUnknownNameIsNotFound() {
    assertThatThrownBy(() -> NamedQuery.named("drop-tables")).isInstanceOf(DomainException.NotFound.class);
  }

  @Test
  void parametersGetTheirDefaults() {
    assertThat(NamedQuery.AT_RISK_CUSTOMERS.bind(Map.of())).containsEntry("limit", 20);
    assertThat(NamedQuery.TOP_SYMBOLS.bind(null)).containsEntry("frame", "1d").containsEntry("limit", 10);
  }

  @Test
  void unknownIllTypedOrOutOfRangeParametersAreInvalid() {
    assertThatThrownBy(() -> NamedQuery.ACTIVE_CUSTOMERS.bind(Map.of("limit", "5; DROP TABLE x")))
        .isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> NamedQuery.ACTIVE_CUSTOMERS.bind(Map.of("limit", 0))).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> NamedQuery.ACTIVE_CUSTOMERS.bind(Map.of("frame", "1d"))).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> NamedQuery.TOP_SYMBOLS.bind(Map.of("frame", "../x"))).isInstanceOf(DomainException.Invalid.class);
  }
}
