package io.verbatim.notify;

import io.verbatim.events.EventJson;
import io.verbatim.events.EventTypes;
import io.verbatim.events.StatementNew;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** statement.new events for tests, each with fresh ids. */
public final class Statements {

    private Statements() {
    }

    public static String hexId() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static StatementNew statement(String documentId, int ordinal, String speakerId, String speakerName,
            String text) {
        String id = hexId();
        return new StatementNew(id, EventTypes.STATEMENT_NEW, id, documentId, ordinal,
                new StatementNew.Speaker(speakerId, speakerName, null), null, text, List.of(text), List.of(),
                new StatementNew.Transcript("Meeting", "2026-12-01", null, "https://en.kremlin.ru/events/1",
                        "transcript", "Kremlin"),
                Instant.now());
    }

    public static String json(StatementNew statement) {
        return EventJson.write(statement);
    }
}
