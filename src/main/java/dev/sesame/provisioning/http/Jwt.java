package dev.sesame.provisioning.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** RS256-signed JWTs (RFC 7519) for the OAuth grants that need one, and the RSA keys they are signed with. */
public final class Jwt {

  private static final JsonMapper JSON = JsonMapper.shared();

  private Jwt() {}

  /**
   * An RSA private key from PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); line breaks,
   * {@code \n} escapes (as in a service-account JSON pasted raw) and spaces are ignored. Empty
   * when it is not one.
   */
  public static Optional<PrivateKey> rsaPrivateKey(String pem) {
    String base64 = pem.replace("\\n", "").replace("-----BEGIN PRIVATE KEY-----", "")
        .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return Optional.of(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** {@code header.claims.signature}, each base64url without padding, signed SHA256withRSA. */
  public static String signRs256(ObjectNode header, ObjectNode claims, PrivateKey key) throws GeneralSecurityException {
    String signingInput = base64(JSON.writeValueAsBytes(header)) + "." + base64(JSON.writeValueAsBytes(claims));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + base64(rs256.sign());
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
