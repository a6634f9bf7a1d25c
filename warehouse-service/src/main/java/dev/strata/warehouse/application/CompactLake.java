package dev.strata.warehouse.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.domain.compaction.Compaction;
import dev.strata.warehouse.domain.compaction.CompactionGroup;
import dev.strata.warehouse.domain.compaction.CompactionPolicy;
import dev.strata.warehouse.domain.compaction.LakeCompactions;
import dev.strata.warehouse.domain.keymap.Keymap;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Compacts the lake's small promoted files: per partition and dataset identity, the small files the policy
 * picks become one file holding one row per key of the keymap dataset they belong to (the latest ingestion of
 * each: one bar per symbol, frame and ts). Files of a dataset the keymap no longer maps are left alone.
 */
public class CompactLake {

  /** A lake folder: path segments of safe characters, never {@code ..}. */
  private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9=_-][A-Za-z0-9=._-]*(/[A-Za-z0-9=_-][A-Za-z0-9=._-]*)*");

  private final LakeCompactions lake;
  private final Keymap keymap;
  private final CompactionPolicy policy;
  private final Clock clock;

  public CompactLake(LakeCompactions lake, Keymap keymap, CompactionPolicy policy, Clock clock) {
    this.lake = lake;
    this.keymap = keymap;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * One compaction job run: every partition the policy picks among files older than its minimum age, or only
   * {@code partition} (a lake folder such as {@code frame=1m/symbol=AAPL/date=2024-05-01}), whatever their age.
   */
  public Uni<List<Compaction>> run(String trigger, Optional<String> partition) {
    Optional<String> folder = partition.map(CompactLake::folder);
    return Uni.createFrom().deferred(() -> compact(trigger, folder));
  }

  public Uni<List<Compaction>> recent(int limit) {
    return Async.uni(() -> lake.recent(Math.clamp(limit, 1, OpsQueries.MAX_LIMIT)));
  }

  /** The groups one after the other, each compaction in its own writer transaction. */
  private Uni<List<Compaction>> compact(String trigger, Optional<String> partition) {
    Instant now = clock.instant();
    String runId = "compaction-" + UUID.randomUUID();
    return Async.uni(() -> lake.promotedFiles(partition.isPresent() ? now : policy.receivedBefore(now), partition))
        .chain(files -> Async.inTurn(policy.groups(files), group -> compact(runId, group, trigger)))
        .map(compactions -> compactions.stream().flatMap(Optional::stream).toList());
  }

  private Uni<Optional<Compaction>> compact(String runId, CompactionGroup group, String trigger) {
    return keymap.find(group.identity())
        .map(dataset -> Async.uni(() -> lake.compact(runId, group, dataset.keyColumns(), trigger)))
        .orElseGet(() -> Uni.createFrom().item(Optional.empty()));
  }

  private static String folder(String partition) {
    String folder = partition.strip().replaceAll("/+$", "");
    if (!PARTITION.matcher(folder).matches()) {
      throw new DomainException.Invalid("partition must be a lake folder such as frame=1m/symbol=AAPL/date=2024-05-01");
    }
    return folder;
  }
}
