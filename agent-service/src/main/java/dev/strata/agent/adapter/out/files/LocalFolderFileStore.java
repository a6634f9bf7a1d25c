package dev.strata.agent.adapter.out.files;

import dev.strata.agent.adapter.out.vertx.CallerContextWorker;
import dev.strata.agent.domain.attachment.Attachment;
import dev.strata.agent.domain.attachment.ContentTooLarge;
import dev.strata.agent.domain.attachment.FileStore;
import dev.strata.agent.domain.attachment.StoredContent;
import dev.strata.kernel.error.DomainException;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import java.util.UUID;

/**
 * {@link FileStore} on a local folder (a mounted volume in Kubernetes). Bytes are copied in 64 KiB
 * chunks into a staging file while hashed, never held whole in memory; the limit is checked per
 * chunk, so an oversized upload stops at limit + one chunk and its staging file is deleted. Every
 * operation runs on Vert.x's worker pool ({@link CallerContextWorker}).
 */
public class LocalFolderFileStore implements FileStore {

  private static final int CHUNK = 64 * 1024;

  private final ContentAddressedLayout layout;
  private final CallerContextWorker worker;

  public LocalFolderFileStore(Path root, Vertx vertx) {
    this.layout = new ContentAddressedLayout(root);
    this.worker = new CallerContextWorker(vertx);
    try {
      Files.createDirectories(layout.stagingFolder());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the file store at " + layout.root(), e);
    }
  }

  @Override
  public CompletionStage<StoredContent> stage(InputStream content, long maxBytes) {
    return worker.run(() -> staged(content, maxBytes));
  }

  @Override
  public CompletionStage<Void> keep(StoredContent staged) {
    return worker.run(() -> {
      kept(staged);
      return null;
    });
  }

  @Override
  public CompletionStage<Void> discard(StoredContent staged) {
    return worker.run(() -> {
      deleteQuietly(layout.staging(staged.stagingToken()));
      return null;
    });
  }

  @Override
  public CompletionStage<InputStream> open(String sha256) {
    return worker.run(() -> opened(sha256));
  }

  @Override
  public CompletionStage<Void> delete(String sha256) {
    return worker.run(() -> {
      try {
        Files.deleteIfExists(layout.blob(sha256));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    });
  }

  @Override
  public CompletionStage<Boolean> exists(String sha256) {
    return worker.run(() -> Files.isRegularFile(layout.blob(sha256)));
  }

  @Override
  public CompletionStage<List<String>> digests() {
    return worker.run(this::allDigests);
  }

  private StoredContent staged(InputStream content, long maxBytes) {
    String token = UUID.randomUUID().toString();
    Path staging = layout.staging(token);
    MessageDigest sha256 = sha256();
    long size = 0;
    try (InputStream in = content; OutputStream out = Files.newOutputStream(staging)) {
      byte[] chunk = new byte[CHUNK];
      for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
        size += read;
        if (size > maxBytes) {
          throw new ContentTooLarge(maxBytes);
        }
        sha256.update(chunk, 0, read);
        out.write(chunk, 0, read);
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(staging);
      throw e instanceof IOException io ? new UncheckedIOException("upload could not be read to its end", io) : (RuntimeException) e;
    }
    return new StoredContent(HexFormat.of().formatHex(sha256.digest()), size, token);
  }

  private void kept(StoredContent staged) {
    Path staging = layout.staging(staged.stagingToken());
    Path blob = layout.blob(staged.sha256());
    try {
      if (Files.exists(blob)) {
        Files.deleteIfExists(staging);  // same bytes already stored: de-duplicated
        return;
      }
      Files.createDirectories(blob.getParent());
      Files.move(staging, blob, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      deleteQuietly(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("could not store content " + staged.sha256(), e);
    }
  }

  private InputStream opened(String sha256) {
    try {
      return Files.newInputStream(layout.blob(sha256));
    } catch (NoSuchFileException e) {
      throw new DomainException.NotFound("the content of this attachment is no longer stored");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> allDigests() {
    Path blobs = layout.blob("0".repeat(64)).getParent().getParent().getParent();
    if (!Files.isDirectory(blobs)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(blobs, 3)) {
      return all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(Attachment::isSha256).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a leftover staging file is harmless: it is never read and has no name anyone knows
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Where uploads are written before their atomic move: what the stale-staging sweep cleans. */
  public static Path stagingFolder(Path root) {
    return new ContentAddressedLayout(root).stagingFolder();
  }
}
