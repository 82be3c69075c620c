package io.verbatim.example;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The subscriber's side of the at-least-once promise: {@code statements.new} may carry the same event twice (the
 * outbox relay published it, then crashed before marking it sent), always with the same {@code eventId}. This set
 * remembers the most recently seen ids, up to a bound, and forgets the least recently seen first.
 *
 * <p>It lives in memory: it catches the redeliveries that follow the original closely, which is how they happen,
 * but not a duplicate older than the last {@code capacity} events, nor one across a restart of the subscriber. A
 * subscriber that must never act twice keeps its ids durably instead, e.g. as a unique key in its own database.
 */
public final class RecentEventIds {

    private final int capacity;
    private final Map<String, Boolean> ids;

    public RecentEventIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RecentEventIds.this.capacity;
            }
        };
    }

    /** Records the id; true the first time it is seen (within the window), false for a repeat. */
    public boolean firstSeen(String eventId) {
        return ids.put(eventId, Boolean.TRUE) == null;
    }

    public int size() {
        return ids.size();
    }

    public int capacity() {
        return capacity;
    }
}
