package io.verbatim.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of store-service, prefix {@code verbatim.store}. */
@ConfigMapping(prefix = "verbatim.store")
public interface StoreConfig {

    Outbox outbox();

    Api api();

    Admin admin();

    /** The operator's admin API ({@code /api/admin/}): corrections of speakers. */
    interface Admin {

        /**
         * The key operators send in the {@code X-API-Key} header ({@code VERBATIM_STORE_ADMIN_API_KEY}). No default:
         * while it is unset (or blank) the admin API is disabled and answers 503; a request without the key, or
         * with another, answers 401.
         */
        java.util.Optional<String> apiKey();
    }

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

        /**
         * PostgreSQL's {@code statement_timeout} for every query of the read API (on its own pool, the
         * {@code queries} datasource); a query cancelled by it answers 503 with a problem body.
         */
        @WithDefault("5s")
        Duration statementTimeout();

        /** Most clients of the live stream at once; the next one gets 503 with {@code Retry-After}. */
        @WithDefault("100")
        int maxStreamClients();

        /** How often the live stream sends a comment line, so that proxies do not close an idle stream. */
        @WithDefault("15s")
        Duration streamHeartbeat();
    }
}
