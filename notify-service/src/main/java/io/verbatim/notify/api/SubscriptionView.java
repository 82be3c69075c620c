package io.verbatim.notify.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.verbatim.notify.persistence.Subscription;
import java.time.Instant;

/** A subscription as the API shows it; {@code secret} only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String url, Filter filter, String description, Instant createdAt,
        String status, Instant failingSince, String lastFailure, String secret) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(String speakerId, String speakerName, String query, String kind, String source) {
    }

    static SubscriptionView of(Subscription s, String secret) {
        return new SubscriptionView(s.id(), s.targetUrl(),
                new Filter(s.speakerId(), s.speakerName(), s.query(), s.kind(), s.source()), s.description(),
                s.createdAt(), s.failing() ? "failing" : "active", s.failingSince(), s.lastFailure(), secret);
    }
}
