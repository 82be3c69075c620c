package io.verbatim.store.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while storing fails for a reason that is not the record's and is being tried again. */
@Readiness
@ApplicationScoped
public class StorageRetryReadiness implements HealthCheck {

    private final StorageRetries retries;

    public StorageRetryReadiness(StorageRetries retries) {
        this.retries = retries;
    }

    @Override
    public HealthCheckResponse call() {
        return retries.health();
    }
}
