package io.verbatim.ingest.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Access to the submit and admin APIs, prefix {@code verbatim}. */
@ConfigMapping(prefix = "verbatim")
public interface ApiAccessConfig {

    /**
     * The key clients send in the {@code X-API-Key} header ({@code VERBATIM_API_KEY}). Unset means the protected
     * APIs refuse every request.
     */
    Optional<String> apiKey();
}
