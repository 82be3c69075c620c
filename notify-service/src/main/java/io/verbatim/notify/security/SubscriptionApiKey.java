package io.verbatim.notify.security;

import io.quarkus.runtime.StartupEvent;
import io.verbatim.events.http.Problem;
import io.verbatim.notify.config.NotifyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The subscriptions API ({@code /api/*}) takes the key of {@code VERBATIM_NOTIFY_API_KEY} in the {@code X-API-Key}
 * header, as ingest-service's submit API does; health and metrics ({@code /q/*}) stay open. Keys are compared as
 * SHA-256 digests in constant time. Without a configured key every API request is refused (401).
 */
@ApplicationScoped
public class SubscriptionApiKey {

    public static final String HEADER = "X-API-Key";
    private static final Logger LOG = Logger.getLogger(SubscriptionApiKey.class);

    private final byte[] expectedDigest;

    public SubscriptionApiKey(NotifyConfig config) {
        String key = config.apiKey().map(String::strip).orElse("");
        this.expectedDigest = key.isEmpty() ? null : sha256(key);
    }

    void warnWithoutKey(@Observes StartupEvent event) {
        if (expectedDigest == null) {
            LOG.warn("VERBATIM_NOTIFY_API_KEY is not set: the subscriptions API refuses every request");
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return Optional.empty();
        }
        String sent = request.getHeaderString(HEADER);
        boolean valid = expectedDigest != null && sent != null
                && MessageDigest.isEqual(expectedDigest, sha256(sent.strip()));
        if (valid) {
            return Optional.empty();
        }
        String detail = sent == null ? "send the API key in the " + HEADER + " header" : "the API key is not valid";
        return Optional.of(Problem.response(Response.Status.UNAUTHORIZED, detail));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
