package dev.strata.ingest.adapter.out.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.support.files.StaleStagingSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On real folders: mtimes are set explicitly, so "old" and "fresh" need no waiting. */
class StaleStagingSweepTest {

  private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");
  private static final Duration MAX_AGE = Duration.ofHours(1);

  @TempDir Path root;

  @Test
  void removesAnOldStagingFolderAndKeepsAFreshOneAndEverythingOutsideStaging() throws IOException {
    Path dead = stagingFolder("job-a-dead", NOW.minus(Duration.ofHours(3)));
    Path live = stagingFolder("job-b-live", NOW.minus(Duration.ofMinutes(1)));
    Path landed = root.resolve("dataset=bars/symbol=AAPL/date=2026-11-20/job-a.parquet");
    Files.createDirectories(landed.getParent());
    Files.writeString(landed, "landed");
    age(landed, NOW.minus(Duration.ofDays(30)));

    StaleStagingSweep.Swept swept = sweep().sweep(NOW);

    assertThat(dead).doesNotExist();
    assertThat(live.resolve("date=2026-11-20/data_0.parquet")).hasContent("12345");
    assertThat(landed).hasContent("landed");
    assertThat(swept).isEqualTo(new StaleStagingSweep.Swept(1, 5));
  }

  @Test
  void keepsAnOldFolderInWhichAWriterJustCreatedAFile() throws IOException {
    Path folder = stagingFolder("job-c-slow", NOW.minus(Duration.ofHours(2)));
    Path fresh = folder.resolve("date=2026-11-21/data_0.parquet");
    Files.createDirectories(fresh.getParent());
    Files.writeString(fresh, "new");
    age(fresh, NOW.minus(Duration.ofSeconds(5)));

    assertThat(sweep().sweep(NOW).entries()).isZero();
    assertThat(fresh).exists();
  }

  @Test
  void removesALinkInStagingWithoutFollowingIt() throws IOException {
    Path outside = Files.createDirectories(root.resolve("elsewhere"));
    Path target = Files.writeString(outside.resolve("keep.txt"), "outside");
    Files.createDirectories(root.resolve(ParquetBronzeLake.STAGING));
    Path link = Files.createSymbolicLink(root.resolve(ParquetBronzeLake.STAGING).resolve("job-d-link"), outside);
    Files.setAttribute(link, "lastModifiedTime", FileTime.from(NOW.minus(Duration.ofHours(5))),
        java.nio.file.LinkOption.NOFOLLOW_LINKS);

    sweep().sweep(NOW);

    assertThat(link).doesNotExist();
    assertThat(target).hasContent("outside");
  }

  @Test
  void nothingToDoWithoutAStagingFolder() {
    assertThat(sweep().sweep(NOW)).isEqualTo(new StaleStagingSweep.Swept(0, 0));
  }

  /** A staging folder as the COPY leaves it: a {@code date=} folder holding one 5-byte file, all aged. */
  private Path stagingFolder(String name, Instant modified) throws IOException {
    Path folder = root.resolve(ParquetBronzeLake.STAGING).resolve(name);
    Path file = folder.resolve("date=2026-11-20/data_0.parquet");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "12345");
    age(file, modified);
    age(file.getParent(), modified);
    age(folder, modified);
    return folder;
  }

  private StaleStagingSweep sweep() {
    return new StaleStagingSweep(root.resolve(ParquetBronzeLake.STAGING), MAX_AGE);
  }

  private static void age(Path path, Instant modified) throws IOException {
    Files.setLastModifiedTime(path, FileTime.from(modified));
  }
}
