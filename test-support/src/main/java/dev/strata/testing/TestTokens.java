package dev.strata.testing;

import dev.strata.kernel.security.TokenClaims;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * Real bearer tokens for tests, signed with a key pair generated on the test machine (never
 * committed). The pair lives in the temp folder so the Quarkus app under test, which reads the
 * public key, and the test, which signs, agree even across class loaders and forked JVMs.
 */
public final class TestTokens {

  public static final String ISSUER = "strata";
  private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "strata-test-jwt");
  private static final Path PRIVATE_KEY = DIR.resolve("private.der");
  private static final Path PUBLIC_KEY = DIR.resolve("public.pem");
  private static final Path PRIVATE_KEY_PEM = DIR.resolve("private.pem");

  private TestTokens() {}

  /** Where the app under test reads the verification key ({@code mp.jwt.verify.publickey.location}). */
  public static synchronized String publicKeyLocation() {
    ensureKeys();
    return PUBLIC_KEY.toUri().toString();
  }

  /** Where a service that signs tokens reads the private key ({@code smallrye.jwt.sign.key.location}). */
  public static synchronized String privateKeyLocation() {
    ensureKeys();
    return PRIVATE_KEY_PEM.toUri().toString();
  }

  /** {@code Bearer <jwt>} for a user {@code test-<first role>} holding {@code roles}. */
  public static String bearer(String... roles) {
    return "Bearer " + token(roles);
  }

  /** The bare JWT of {@link #bearer}. */
  public static String token(String... roles) {
    return sign(privateKey(), roles);
  }

  /**
   * A token of {@code subject} (its {@code sub} and {@code upn}) carrying token version {@code version}
   * (claim {@code tver}; agent-service sets its issue instant in epoch ms), so a test can revoke it.
   */
  public static String tokenOf(String subject, long version, String... roles) {
    return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(roles)).claim(TokenClaims.TOKEN_VERSION, version).expiresIn(3600)
        .sign(privateKey());
  }

  /** A well-formed token signed by a key the platform does not trust. */
  public static String bearerSignedByAnotherKey(String... roles) {
    return "Bearer " + sign(generate().getPrivate(), roles);
  }

  private static String sign(PrivateKey key, String... roles) {
    return Jwt.issuer(ISSUER).upn("test-" + roles[0]).groups(Set.of(roles)).expiresIn(3600).sign(key);
  }

  private static synchronized PrivateKey privateKey() {
    ensureKeys();
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(PRIVATE_KEY)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void ensureKeys() {
    if (Files.exists(PUBLIC_KEY) && Files.exists(PRIVATE_KEY_PEM)) {
      return;
    }
    try {
      Files.createDirectories(DIR);
      KeyPair pair = generate();
      Path privateTmp = Files.createTempFile(DIR, "private", ".tmp");
      Path publicTmp = Files.createTempFile(DIR, "public", ".tmp");
      Path privatePemTmp = Files.createTempFile(DIR, "private-pem", ".tmp");
      Files.write(privateTmp, pair.getPrivate().getEncoded());
      Files.writeString(privatePemTmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.writeString(publicTmp, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      // private first: whoever sees the public key can rely on its private half being there
      move(privateTmp, PRIVATE_KEY);
      move(privatePemTmp, PRIVATE_KEY_PEM);
      move(publicTmp, PUBLIC_KEY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(from);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
