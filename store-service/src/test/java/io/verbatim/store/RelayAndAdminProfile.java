package io.verbatim.store;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * The settings of three test classes in one test profile, so that they share one application (and one database)
 * instead of starting one each: every {@code @TestProfile} is a Quarkus build and a restart of its own (about 20 s
 * each on a 2-core machine). Each setting belongs to one class and is inert for the other two:
 * <ul>
 * <li>{@link OutboxParkingTest}: the {@code statements-new} producer with Kafka's default 1 MiB
 * {@code max.request.size}, the limit of issue 12's reproduction (the service's own default is 8 MiB). The other two
 * classes announce statements of a few words.</li>
 * <li>{@link OutboxRelayReplicasTest}: outbox batches of 30 rows, which end inside one of its documents (25
 * statements each), so that a relay claiming rows rather than whole documents would split it. The other two classes store documents of at most a few
 * statements, well inside one batch, as before.</li>
 * <li>{@link SpeakerCorrectionsTest}: an admin API key ({@link #ADMIN_KEY}), which turns the admin API on. The other two
 * classes do not call it; the default profile keeps it off, which {@code StoreApiProblemsTest} checks.</li>
 * </ul>
 * A setting that another class's assertions depend on must not be added here: give that class its own profile.
 */
public class RelayAndAdminProfile implements QuarkusTestProfile {

    /** The admin API key of this profile's application. */
    static final String ADMIN_KEY = "admin-key-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.outgoing.statements-new.max.request.size", "1048576",
                "verbatim.store.outbox.batch-size", "30",
                "verbatim.store.admin.api-key", ADMIN_KEY);
    }
}
