package io.verbatim.store.api;

import io.quarkus.runtime.StartupEvent;
import io.verbatim.events.http.Problem;
import io.verbatim.store.config.StoreConfig;
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
 * Guards the admin API ({@code /api/admin/}) with the key of {@code VERBATIM_STORE_ADMIN_API_KEY}, sent in the
 * {@code X-API-Key} header. Unset (or blank), the admin API is disabled: every request answers 503, so that a
 * forgotten key never leaves corrections open and the answer tells the operator why. A missing or wrong key answers
 * 401. The read API stays open. Keys are compared as SHA-256 digests in constant time.
 */
@ApplicationScoped
public class AdminKeyFilter {

    public static final String HEADER = "X-API-Key";
    static final String PREFIX = "/api/admin";

    private static final Logger LOG = Logger.getLogger(AdminKeyFilter.class);

    private final Optional<byte[]> expected;

    public AdminKeyFilter(StoreConfig config) {
        this.expected = config.admin().apiKey().map(String::strip).filter(key -> !key.isEmpty())
                .map(AdminKeyFilter::digest);
    }

    void warnIfUnset(@Observes StartupEvent event) {
        if (expected.isEmpty()) {
            LOG.info("VERBATIM_STORE_ADMIN_API_KEY is not set: the admin API (speaker corrections) is disabled");
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return Optional.empty();
        }
        if (expected.isEmpty()) {
            return Optional.of(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                    "the admin API is disabled: VERBATIM_STORE_ADMIN_API_KEY is not set"));
        }
        String given = request.getHeaderString(HEADER);
        if (given != null && MessageDigest.isEqual(expected.get(), digest(given.strip()))) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(Response.Status.UNAUTHORIZED,
                given == null ? "send the admin API key in the " + HEADER + " header" : "the admin API key is not valid"));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
