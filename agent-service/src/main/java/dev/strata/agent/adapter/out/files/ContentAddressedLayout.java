package dev.strata.agent.adapter.out.files;

import dev.strata.agent.domain.attachment.Attachment;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where bytes live under the root: blobs at {@code sha256/ab/cd/<sha256>} (two fan-out levels keep
 * folders small), staging copies at {@code staging/<uuid>.part} on the same file system so the
 * final move is atomic. Only a 64-hex digest or a UUID ever becomes a path segment, and every
 * resolved path is checked to stay under the root.
 */
final class ContentAddressedLayout {

  private final Path root;

  ContentAddressedLayout(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  Path stagingFolder() {
    return root.resolve("staging");
  }

  Path blob(String sha256) {
    if (!Attachment.isSha256(sha256)) {
      throw new IllegalArgumentException("not a sha256 digest");
    }
    return confined(root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256));
  }

  Path staging(String token) {
    return confined(stagingFolder().resolve(UUID.fromString(token) + ".part"));
  }

  private Path confined(Path path) {
    Path normal = path.normalize();
    if (!normal.startsWith(root)) {
      throw new IllegalArgumentException("path escapes the file store root");
    }
    return normal;
  }
}
