package dev.strata.scoring.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.error.DomainException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchivalTest {

  private final ModelRef three = new ModelRef("churn_model", "3");

  @Test
  void anArchivedVersionNeitherServesNorCanBeNamedByAnAlias() {
    assertThatThrownBy(() -> Archival.requireServing(three, Set.of("3"))).isInstanceOf(DomainException.NotFound.class);
    assertThatThrownBy(() -> Archival.requirePromotable(three, Set.of("3"))).isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void aVersionThatIsNotArchivedServesAndCanBePromoted() {
    Archival.requireServing(three, Set.of("2"));
    Archival.requirePromotable(three, Set.of());
  }

  @Test
  void theChampionCannotBeArchived() {
    assertThatThrownBy(() -> Archival.aliasesToDrop(three, Map.of("champion", "3")))
        .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("champion");
  }

  @Test
  void archivingAVersionDropsTheOtherAliasesThatNameIt() {
    assertThat(Archival.aliasesToDrop(three, Map.of("champion", "2", "challenger", "3", "canary", "3", "old", "1")))
        .containsExactly("canary", "challenger");
  }
}
