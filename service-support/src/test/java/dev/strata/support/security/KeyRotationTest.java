package dev.strata.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rotation README "Security" describes, against smallrye-jwt's own key resolution: the
 * verification key set holds the old and the new key, each named by its {@code kid}, and a token
 * names the key that signed it.
 */
class KeyRotationTest {

  private static final KeyPair OLD = generate();
  private static final KeyPair NEW = generate();
  private static final KeyPair UNKNOWN = generate();

  @TempDir Path dir;

  @Test
  void duringARotationATokenSignedWithEitherKeyOfTheSetVerifies() throws Exception {
    DefaultJWTParser parser = parser(jwks(List.of(jwk(OLD, "strata-1"), jwk(NEW, "strata-2"))));

    assertThat(parser.parse(sign(OLD, "strata-1")).getName()).isEqualTo("someone");
    assertThat(parser.parse(sign(NEW, "strata-2")).getName()).isEqualTo("someone");
  }

  @Test
  void aTokenNamingAKeyOutsideTheSetIsRefusedAndSoIsOneClaimingAnotherKeysName() throws Exception {
    DefaultJWTParser parser = parser(jwks(List.of(jwk(OLD, "strata-1"), jwk(NEW, "strata-2"))));

    assertThatThrownBy(() -> parser.parse(sign(UNKNOWN, "strata-3"))).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> parser.parse(sign(UNKNOWN, "strata-2"))).isInstanceOf(ParseException.class);
  }

  @Test
  void onceTheOldKeyIsDroppedItsTokensAreRefused() throws Exception {
    DefaultJWTParser parser = parser(jwks(List.of(jwk(NEW, "strata-2"))));

    assertThat(parser.parse(sign(NEW, "strata-2")).getName()).isEqualTo("someone");
    assertThatThrownBy(() -> parser.parse(sign(OLD, "strata-1"))).isInstanceOf(ParseException.class);
  }

  @Test
  void aSinglePemKeyStillVerifiesTokensThatNameTheirKey() throws Exception {
    Path pem = dir.resolve("public.pem");
    Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(OLD.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    DefaultJWTParser parser = parser(pem);

    assertThat(parser.parse(sign(OLD, "strata-1")).getName()).isEqualTo("someone");
    assertThatThrownBy(() -> parser.parse(sign(NEW, "strata-1"))).isInstanceOf(ParseException.class);
  }

  private static String sign(KeyPair pair, String kid) {
    return Jwt.issuer("strata").upn("someone").subject("someone").expiresIn(60).jws().keyId(kid).sign(pair.getPrivate());
  }

  private static DefaultJWTParser parser(Path keyLocation) {
    return new DefaultJWTParser(new JWTAuthContextInfo(keyLocation.toUri().toString(), "strata"));
  }

  private Path jwks(List<RsaJsonWebKey> keys) throws Exception {
    Path file = dir.resolve("jwks.json");
    Files.writeString(file, new JsonWebKeySet(keys.toArray(RsaJsonWebKey[]::new)).toJson());
    return file;
  }

  private static RsaJsonWebKey jwk(KeyPair pair, String kid) {
    RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
    key.setKeyId(kid);
    key.setAlgorithm("RS256");
    key.setUse("sig");
    return key;
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
