package dev.strata.agent.adapter.out.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.domain.attachment.StoredContent;
import dev.strata.support.files.StaleStagingSweep;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real store folder, files staged by the real store; mtimes are set explicitly, no waiting. */
class StaleStagingSweepTest {

  private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");
  private static final Duration MAX_AGE = Duration.ofHours(1);

  @TempDir Path root;

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void removesADeadUploadsStagingFileAndKeepsALiveOneAndTheBlobs() throws IOException {
    var store = new LocalFolderFileStore(root, vertx);
    Path dead = staged(store, root, "dead upload", NOW.minus(Duration.ofHours(2)));
    Path live = staged(store, root, "live upload", NOW.minus(Duration.ofMinutes(2)));
    StoredContent kept = store.stage(bytes("kept blob"), 1024).toCompletableFuture().join();
    store.keep(kept).toCompletableFuture().join();
    Path blob = new ContentAddressedLayout(root).blob(kept.sha256());
    Files.setLastModifiedTime(blob, FileTime.from(NOW.minus(Duration.ofDays(10))));

    StaleStagingSweep.Swept swept = new StaleStagingSweep(LocalFolderFileStore.stagingFolder(root), MAX_AGE).sweep(NOW);

    assertThat(dead).doesNotExist();
    assertThat(live).hasContent("live upload");
    assertThat(blob).hasContent("kept blob");
    assertThat(swept).isEqualTo(new StaleStagingSweep.Swept(1, "dead upload".length()));
  }

  @Test
  void removesAnOldLinkInStagingWithoutFollowingIt() throws IOException {
    new LocalFolderFileStore(root, vertx);
    Path outside = Files.writeString(root.resolve("outside.txt"), "not staging");
    Files.setLastModifiedTime(outside, FileTime.from(NOW.minus(Duration.ofDays(1))));
    Path link = Files.createSymbolicLink(new ContentAddressedLayout(root).stagingFolder().resolve("x.part"), outside);
    Files.setAttribute(link, "lastModifiedTime", FileTime.from(NOW.minus(Duration.ofHours(5))), LinkOption.NOFOLLOW_LINKS);

    new StaleStagingSweep(LocalFolderFileStore.stagingFolder(root), MAX_AGE).sweep(NOW);

    assertThat(link).doesNotExist();
    assertThat(outside).hasContent("not staging");
  }

  private static Path staged(LocalFolderFileStore store, Path root, String content, Instant modified) throws IOException {
    StoredContent staged = store.stage(bytes(content), 1024).toCompletableFuture().join();
    Path file = new ContentAddressedLayout(root).staging(staged.stagingToken());
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private static ByteArrayInputStream bytes(String content) {
    return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
  }
}
