package io.verbatim.store.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.verbatim.events.EventJson;
import io.verbatim.events.StatementNew;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows {@code statements.new} from its end (a consumer group of this instance's own) and hands every statement
 * to the connected stream clients. Clients that connect later see what is published after they connected.
 */
@ApplicationScoped
public class StatementFeed {

    public static final String INCOMING = "statements-feed";

    private static final Logger LOG = Logger.getLogger(StatementFeed.class);

    private final BroadcastProcessor<StatementNew> processor = BroadcastProcessor.create();

    @Incoming(INCOMING)
    public void onStatement(String json) {
        try {
            processor.onNext(EventJson.read(json, StatementNew.class));
        } catch (RuntimeException e) {
            LOG.debugf("statements.new record skipped by the stream: %s", e.getMessage());
        }
    }

    public Multi<StatementNew> statements() {
        return processor.onOverflow().drop();
    }
}
