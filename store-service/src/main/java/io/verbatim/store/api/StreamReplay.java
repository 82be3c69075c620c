package io.verbatim.store.api;

import io.verbatim.events.EventJson;
import io.verbatim.events.StatementNew;
import java.util.List;

/**
 * What a stream client missed: the {@code statement.new} events published after the one named by
 * {@code Last-Event-ID}, from the outbox (store-service keeps every outbox row, sent or not, with the event's JSON as
 * published), oldest first, at most {@value #MAX_REPLAY}. An id the outbox does not know replays nothing.
 */
final class StreamReplay {

    static final int MAX_REPLAY = 1000;

    /** Where the client stopped: one probe of the index {@code outbox_event_event_id_idx} (migration V8). */
    static final String START_SQL = "select min(id) from outbox_event where event_id = :id "
            + "and event_type = 'statement.new'";

    /** What came after it: read along the primary key from there, at most {@value #MAX_REPLAY} rows. */
    static final String MISSED_SQL = "select payload from outbox_event where id > :after "
            + "and event_type = 'statement.new' and parked_at is null order by id limit :limit";

    private StreamReplay() {
    }

    static List<StatementNew> after(ReadQueries queries, String lastEventId) {
        return queries.run(session -> {
            @SuppressWarnings("unchecked")
            List<Object> start = session.createNativeQuery(START_SQL, Object.class).setParameter("id", lastEventId)
                    .getResultList();
            if (start.isEmpty() || start.get(0) == null) {
                return List.<StatementNew>of();
            }
            @SuppressWarnings("unchecked")
            List<Object> payloads = session.createNativeQuery(MISSED_SQL, Object.class)
                    .setParameter("after", ((Number) start.get(0)).longValue()).setParameter("limit", MAX_REPLAY)
                    .getResultList();
            return payloads.stream().map(p -> EventJson.read(String.valueOf(p), StatementNew.class)).toList();
        });
    }
}
