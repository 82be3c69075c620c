package io.verbatim.notify.api;

/**
 * The body of {@code POST /api/subscriptions}: the webhook {@code url} and the filter (every field optional; all
 * given must match).
 */
public record SubscriptionRequest(String url, String speakerId, String speakerName, String query, String kind,
        String source, String description) {
}
