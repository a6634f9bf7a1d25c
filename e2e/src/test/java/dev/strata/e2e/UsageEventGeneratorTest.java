package dev.strata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.messaging.contract.UsageEvent;
import dev.strata.kernel.messaging.contract.UsageEventBatch;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageEventGeneratorTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  private final List<UsageEventGenerator.Customer> customers = DemoData.customers().subList(0, 300);

  @Test
  void theSameSeedAndDateGiveTheSameStream() {
    assertThat(UsageEventGenerator.dailyBatches(customers, AS_OF, "a"))
        .isEqualTo(UsageEventGenerator.dailyBatches(customers, AS_OF, "a"));
  }

  @Test
  void everyEventHasItsOwnWarehouseKeyAndDaysAreOnePerBatch() {
    List<UsageEventBatch> batches = UsageEventGenerator.dailyBatches(customers, AS_OF, "a");
    Set<String> keys = new HashSet<>();
    long events = 0;
    for (UsageEventBatch batch : batches) {
      for (UsageEvent event : batch.events()) {
        keys.add(event.customerId() + "|" + event.ts() + "|" + event.event());
        events++;
      }
    }
    assertThat(batches).hasSize(UsageEventGenerator.DAYS);
    assertThat(events).isPositive();
    assertThat(keys).hasSize((int) events);
  }
}
