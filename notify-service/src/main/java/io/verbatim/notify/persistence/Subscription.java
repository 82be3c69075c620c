package io.verbatim.notify.persistence;

import java.time.Instant;

/** A subscription as stored (the secret is only read by the deliverer, never listed). */
public record Subscription(String id, String targetUrl, String speakerId, String speakerName, String query,
        String kind, String source, String description, Instant createdAt, boolean failing, Instant failingSince,
        String lastFailure) {
}
