package io.verbatim.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of store-service, prefix {@code verbatim.store}. */
@ConfigMapping(prefix = "verbatim.store")
public interface StoreConfig {

    Outbox outbox();

    Api api();

    interface Outbox {

        /** How many outbox rows the relay publishes per transaction. */
        @WithDefault("200")
        int batchSize();

        /** How often the relay looks for unsent rows (it is also woken after every commit that wrote some). */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long the relay waits for the broker to acknowledge a batch before it retries it later. */
        @WithDefault("30s")
        Duration publishTimeout();

        /** Readiness fails when the oldest unsent outbox row is older than this. */
        @WithDefault("2m")
        Duration maxLag();
    }

    interface Api {

        /** Page size when a query names none. */
        @WithDefault("50")
        int defaultLimit();

        /** Largest page size a query may ask for. */
        @WithDefault("500")
        int maxLimit();
    }
}
