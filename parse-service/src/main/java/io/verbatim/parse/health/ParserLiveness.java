package io.verbatim.parse.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness after an {@link Error} in the parser: once the parser has thrown an {@code OutOfMemoryError} (or another
 * {@code Error} that is not a {@code StackOverflowError}), this JVM is no longer trusted and the service reports
 * itself not live, so that the orchestrator restarts it. The document that caused it has been dead-lettered in the
 * batch's transaction by then ({@code RawTranscriptProcessor}), so the restarted service does not read it again.
 */
@Liveness
@ApplicationScoped
public class ParserLiveness implements HealthCheck {

    private final AtomicReference<String> broken = new AtomicReference<>();

    /** Marks this JVM as to be restarted, for the given reason; the first reason is kept. */
    public void markBroken(String reason) {
        broken.compareAndSet(null, reason);
    }

    @Override
    public HealthCheckResponse call() {
        String reason = broken.get();
        return reason == null ? HealthCheckResponse.up("parser")
                : HealthCheckResponse.named("parser").down().withData("reason", reason).build();
    }
}
