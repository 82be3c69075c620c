package io.verbatim.ingest.crawl;

import io.micrometer.core.instrument.MeterRegistry;
import io.verbatim.ingest.state.FeedSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Crawl counters per source: {@code verbatim_ingest_documents_total{source,outcome}} with outcome fetched,
 * not_modified, refused or failed, and {@code verbatim_ingest_bytes_total{source}} for bytes fetched.
 */
@ApplicationScoped
public class CrawlMetrics {

    private final MeterRegistry registry;

    public CrawlMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(FeedSource source, String outcome, long bytes) {
        String name = source == null ? "page" : source.id();
        registry.counter("verbatim.ingest.documents", "source", name, "outcome", outcome).increment();
        if (bytes > 0) {
            registry.counter("verbatim.ingest.bytes", "source", name).increment(bytes);
        }
    }
}
