package dev.hotline.followup;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Signed survey links: {@code <surveyId>.<expiry epoch seconds>.<nonce>.<HMAC-SHA256>}. The signature stops forged ids
 * and expiries; the nonce, stored with the survey, ties the link to one survey row, and the survey's status makes it
 * single-use. Pure apart from the random nonce.
 */
final class SurveyTokens {

    /** A link's parts after its signature was checked. */
    record Claims(long surveyId, Instant expiresAt, String nonce) {
    }

    /** Shorter secrets are accepted (with a warning at start): HMAC-SHA256 wants at least 32 bytes of key. */
    static final int MIN_SECRET_LENGTH = 32;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    SurveyTokens(String secret) {
        if (secret == null || secret.isBlank()) {
            key = new byte[32];
            random.nextBytes(key);
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    String newNonce() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    String sign(long surveyId, Instant expiresAt, String nonce) {
        String payload = surveyId + "." + expiresAt.getEpochSecond() + "." + nonce;
        return payload + "." + mac(payload);
    }

    /** The claims of a well-formed, correctly signed token, or null (forged, truncated, tampered). */
    Claims verify(String token) {
        if (token == null || token.length() > 200) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return new Claims(Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])), parts[2]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String mac(String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
