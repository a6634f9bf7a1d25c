package dev.strata.agent.adapter.out.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.domain.attachment.ContentTooLarge;
import dev.strata.agent.domain.attachment.StoredContent;
import dev.strata.kernel.error.DomainException;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local folder store on a real temporary folder: layout, hashing, limit, de-duplication, confinement. */
class LocalFolderFileStoreTest {

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

  /** The stage's result, or what it failed with, as a synchronous call would have thrown it. */
  private static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  private static long filesUnder(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void aBlobLivesUnderTwoFanOutFoldersNamedByItsDigest() {
    var layout = new ContentAddressedLayout(root);
    String sha = "ab" + "cd" + "0".repeat(60);
    assertThat(layout.blob(sha)).isEqualTo(root.resolve("sha256/ab/cd/" + sha));
  }

  @Test
  void onlyADigestOrAUuidCanBecomeAPathSegment() {
    var layout = new ContentAddressedLayout(root);
    for (String hostile : new String[] {"../../etc/passwd", "/etc/passwd", "AB" + "0".repeat(62), "a".repeat(63), "a\u0000b", ""}) {
      assertThatThrownBy(() -> layout.blob(hostile)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> layout.staging(hostile)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void stagingHashesAndCountsTheBytesAndKeepingMovesThemToTheirDigest() throws Exception {
    var store = new LocalFolderFileStore(root, vertx);
    byte[] bytes = randomBytes(300_000);  // several chunks

    StoredContent staged = join(store.stage(new ByteArrayInputStream(bytes), bytes.length));
    assertThat(staged.sha256()).isEqualTo(sha256(bytes));
    assertThat(staged.sizeBytes()).isEqualTo(bytes.length);
    join(store.keep(staged));

    assertThat(Files.readAllBytes(root.resolve("sha256/" + staged.sha256().substring(0, 2) + "/"
        + staged.sha256().substring(2, 4) + "/" + staged.sha256()))).isEqualTo(bytes);
    assertThat(filesUnder(root.resolve("staging"))).isZero();
    try (InputStream in = join(store.open(staged.sha256()))) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void contentOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
    var store = new LocalFolderFileStore(root, vertx);
    byte[] bytes = randomBytes(200_001);

    assertThatThrownBy(() -> join(store.stage(new ByteArrayInputStream(bytes), 200_000))).isInstanceOf(ContentTooLarge.class);
    assertThat(filesUnder(root)).isZero();
    // exactly at the limit is fine
    assertThat(join(store.stage(new ByteArrayInputStream(bytes, 0, 200_000), 200_000)).sizeBytes()).isEqualTo(200_000);
  }

  @Test
  void aBrokenUploadStreamLeavesNoStagingFile() throws Exception {
    var store = new LocalFolderFileStore(root, vertx);
    InputStream broken = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served++ > 100_000) {
          throw new IOException("client went away");
        }
        return 1;
      }
    };
    assertThatThrownBy(() -> join(store.stage(broken, 1_000_000))).isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(filesUnder(root)).isZero();
  }

  @Test
  void theSameContentTwiceIsOneBlob() throws Exception {
    var store = new LocalFolderFileStore(root, vertx);
    byte[] bytes = "same bytes".getBytes(StandardCharsets.UTF_8);
    StoredContent first = join(store.stage(new ByteArrayInputStream(bytes), 100));
    StoredContent second = join(store.stage(new ByteArrayInputStream(bytes), 100));
    join(store.keep(first));
    join(store.keep(second));
    assertThat(first.sha256()).isEqualTo(second.sha256());
    assertThat(filesUnder(root)).isEqualTo(1);
  }

  @Test
  void discardAndDeleteRemoveTheirFilesAndAreIdempotent() throws Exception {
    var store = new LocalFolderFileStore(root, vertx);
    StoredContent dropped = join(store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 100));
    join(store.discard(dropped));
    join(store.discard(dropped));
    assertThat(filesUnder(root)).isZero();

    StoredContent kept = join(store.stage(new ByteArrayInputStream(new byte[] {4, 5, 6}), 100));
    join(store.keep(kept));
    assertThat(join(store.exists(kept.sha256()))).isTrue();
    assertThat(join(store.digests())).containsExactly(kept.sha256());
    join(store.delete(kept.sha256()));
    join(store.delete(kept.sha256()));
    assertThat(join(store.exists(kept.sha256()))).isFalse();
    assertThat(join(store.digests())).isEmpty();
    assertThatThrownBy(() -> join(store.open(kept.sha256()))).isInstanceOf(DomainException.NotFound.class);
  }
}
