package io.verbatim.notify.match;

import io.quarkus.scheduler.Scheduled;
import io.verbatim.notify.persistence.Subscription;
import io.verbatim.notify.persistence.SubscriptionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Holds the {@link SubscriptionIndex} the consumer matches with. It is rebuilt from the database at start, at once
 * after a change made through this instance's API, and within {@code index-refresh-interval} after a change made
 * through another instance (the subscription table's fingerprint is checked that often).
 */
@ApplicationScoped
public class SubscriptionRegistry {

    private static final Logger LOG = Logger.getLogger(SubscriptionRegistry.class);

    private final SubscriptionStore store;
    private volatile SubscriptionIndex index;
    private volatile String fingerprint = "";

    public SubscriptionRegistry(SubscriptionStore store) {
        this.store = store;
    }

    /** The current index, loaded on first use. */
    public SubscriptionIndex index() {
        SubscriptionIndex current = index;
        if (current == null) {
            reload();
            current = index;
        }
        return current;
    }

    /** Rebuilds the index from the database now. */
    public synchronized void reload() {
        String seen = store.fingerprint();
        List<SubscriptionIndex.Entry> entries = store.allActive().stream().map(SubscriptionRegistry::entry).toList();
        index = new SubscriptionIndex(entries);
        fingerprint = seen;
    }

    @Scheduled(every = "${verbatim.notify.index-refresh-interval:5s}", delay = 5,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshIfChanged() {
        try {
            if (!store.fingerprint().equals(fingerprint)) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.warnf("subscription index not refreshed: %s", e.getMessage());
        }
    }

    /** The filter of a stored subscription. */
    public static SubscriptionFilter filterOf(Subscription subscription) {
        return new SubscriptionFilter(subscription.speakerId(), subscription.speakerName(),
                subscription.query() == null ? null : TextQuery.parse(subscription.query()), subscription.kind(),
                subscription.source());
    }

    private static SubscriptionIndex.Entry entry(Subscription subscription) {
        return new SubscriptionIndex.Entry(subscription.id(), filterOf(subscription));
    }
}
