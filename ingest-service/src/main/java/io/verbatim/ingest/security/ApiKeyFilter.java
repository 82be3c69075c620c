package io.verbatim.ingest.security;

import io.quarkus.runtime.StartupEvent;
import io.verbatim.events.http.Problem;
import io.verbatim.ingest.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires the API key in the {@code X-API-Key} header on everything under {@code /api/} (the submit and admin
 * APIs); health and metrics under {@code /q/} stay open. The comparison takes the same time whatever the key.
 */
@ApplicationScoped
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";

    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);

    private final Optional<byte[]> expected;

    public ApiKeyFilter(ApiAccessConfig config) {
        this.expected = config.apiKey().filter(key -> !key.isBlank())
                .map(key -> digest(key.strip()));
    }

    void warnIfUnset(@Observes StartupEvent event) {
        if (expected.isEmpty()) {
            LOG.warn("VERBATIM_API_KEY is not set: the submit and admin APIs refuse every request");
        }
    }

    /** Compared as SHA-256 digests, so the comparison neither depends on nor reveals the key's length. */
    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return Optional.empty();
        }
        String given = request.getHeaderString(HEADER);
        if (expected.isPresent() && given != null
                && MessageDigest.isEqual(expected.get(), digest(given.strip()))) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(Response.Status.UNAUTHORIZED,
                given == null ? "send the API key in the " + HEADER + " header" : "the API key is not valid"));
    }
}
