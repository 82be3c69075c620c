package io.verbatim.ingest.security;

import io.quarkus.runtime.StartupEvent;
import io.verbatim.events.http.Problem;
import io.verbatim.httpguard.ApiKeyMatcher;
import io.verbatim.ingest.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires the API key in the {@code X-API-Key} header on everything under {@code /api/} (the submit and admin
 * APIs); health and metrics under {@code /q/} stay open. The comparison takes the same time whatever the key
 * ({@link ApiKeyMatcher}, shared with notify-service).
 */
@ApplicationScoped
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";

    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);

    private final ApiKeyMatcher key;

    public ApiKeyFilter(ApiAccessConfig config) {
        this.key = new ApiKeyMatcher(config.apiKey());
    }

    void warnIfUnset(@Observes StartupEvent event) {
        if (!key.isConfigured()) {
            LOG.warn("VERBATIM_API_KEY is not set: the submit and admin APIs refuse every request");
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return Optional.empty();
        }
        String given = request.getHeaderString(HEADER);
        if (key.matches(given)) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(Response.Status.UNAUTHORIZED,
                given == null ? "send the API key in the " + HEADER + " header" : "the API key is not valid"));
    }
}
