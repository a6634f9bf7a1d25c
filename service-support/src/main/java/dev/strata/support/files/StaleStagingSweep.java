package dev.strata.support.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes what writers that died mid-write left in a staging folder (ingest's partitioned COPY
 * folders, agent's upload {@code .part} files). A live writer's entry is never touched: only an entry
 * whose newest file or folder is older than {@code maxAge} goes, and {@code maxAge} is far longer than
 * any write takes. Symbolic links are never followed: a link is removed as a link, and a staging
 * folder that is itself a link is left alone.
 */
public final class StaleStagingSweep {

  private final Path staging;
  private final Duration maxAge;

  public StaleStagingSweep(Path stagingFolder, Duration maxAge) {
    this.staging = stagingFolder.toAbsolutePath().normalize();
    this.maxAge = maxAge;
  }

  /** Deletes every staging entry whose whole tree is older than {@code maxAge} at {@code now}. */
  public Swept sweep(Instant now) {
    if (!Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
      return Swept.NONE;
    }
    Instant cutoff = now.minus(maxAge);
    int entries = 0;
    long bytes = 0;
    for (Path entry : entries()) {
      List<Path> tree = tree(entry);
      if (tree.stream().allMatch(path -> modified(path).isBefore(cutoff))) {
        bytes += tree.stream().mapToLong(StaleStagingSweep::size).sum();
        tree.stream().sorted(Comparator.reverseOrder()).forEach(StaleStagingSweep::delete);
        entries++;
      }
    }
    return new Swept(entries, bytes);
  }

  private List<Path> entries() {
    try (Stream<Path> list = Files.list(staging)) {
      return list.toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + staging, e);
    }
  }

  /** The entry and everything under it; Files.walk does not follow links by default. */
  private static List<Path> tree(Path entry) {
    try (Stream<Path> walk = Files.walk(entry)) {
      return walk.toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + entry, e);
    }
  }

  private static Instant modified(Path path) {
    return attributes(path).lastModifiedTime().toInstant();
  }

  private static long size(Path path) {
    BasicFileAttributes attributes = attributes(path);
    return attributes.isRegularFile() ? attributes.size() : 0;
  }

  private static BasicFileAttributes attributes(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the attributes of " + path, e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  /** What one sweep removed: staging entries and the bytes of their files. */
  public record Swept(int entries, long bytes) {
    public static final Swept NONE = new Swept(0, 0);
  }
}
