package dev.strata.warehouse.domain.compaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which promoted files are worth compacting: in one partition and of one dataset identity, the files
 * smaller than {@code smallFileBytes}, when there are at least {@code minFiles} of them. The scheduled
 * job leaves files younger than {@code minAge} alone (a partition still being written, a job still
 * looked at by id); an operator naming a partition takes its files whatever their age.
 */
public record CompactionPolicy(int minFiles, long smallFileBytes, Duration minAge) {

  public CompactionPolicy {
    if (minFiles < 2) {
      throw new IllegalArgumentException("compacting fewer than 2 files gains nothing: " + minFiles);
    }
  }

  /** Files received before this instant may be compacted by the scheduled job. */
  public Instant receivedBefore(Instant now) {
    return now.minus(minAge);
  }

  /** The groups to compact, in the order the files were given. */
  public List<CompactionGroup> groups(List<LakeFile> files) {
    Map<List<Object>, List<LakeFile>> small = new LinkedHashMap<>();
    for (LakeFile file : files) {
      if (file.bytes() < smallFileBytes) {
        small.computeIfAbsent(List.of(file.partition(), file.entry().identity()), k -> new ArrayList<>()).add(file);
      }
    }
    List<CompactionGroup> groups = new ArrayList<>();
    small.forEach((key, group) -> {
      if (group.size() >= minFiles) {
        groups.add(new CompactionGroup(group.getFirst().partition(), group.getFirst().entry().identity(), group));
      }
    });
    return groups;
  }
}
