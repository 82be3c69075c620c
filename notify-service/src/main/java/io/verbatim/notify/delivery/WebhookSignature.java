package io.verbatim.notify.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the way GitHub and Stripe sign theirs: header {@value #HEADER} = {@code t=<unix seconds>,
 * v1=<hex HMAC-SHA256>}, where the HMAC key is the subscription's secret (its UTF-8 bytes, as shown at creation) and
 * the signed text is the timestamp, a full stop and the raw body: {@code <t>.<body>}. The timestamp lets a receiver
 * refuse old replays; the secret never travels after creation.
 */
public final class WebhookSignature {

    public static final String HEADER = "Verbatim-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} and 32 random bytes, base64url. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value for {@code body} sent at {@code epochSecond}. */
    public static String header(String secret, long epochSecond, byte[] body) {
        return "t=" + epochSecond + ",v1=" + hmacHex(secret, epochSecond, body);
    }

    /** HMAC-SHA256 of {@code <epochSecond>.<body>} with the secret, in lower-case hex. */
    public static String hmacHex(String secret, long epochSecond, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSecond + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Checks a header as a receiver would (constant-time comparison); the tests use it. */
    public static boolean verify(String secret, String header, byte[] body) {
        long t = -1;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                t = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        return t >= 0 && v1 != null && MessageDigest.isEqual(v1.getBytes(StandardCharsets.US_ASCII),
                hmacHex(secret, t, body).getBytes(StandardCharsets.US_ASCII));
    }
}
