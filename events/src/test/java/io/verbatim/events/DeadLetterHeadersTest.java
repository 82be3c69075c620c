package io.verbatim.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    @Test
    void wrapperMessageIsFollowedByTheRootCause() {
        Throwable wrapped = new RuntimeException("Error invoking subclass method",
                new IllegalStateException("commit failed", new SocketException("Connection reset")));

        String reason = DeadLetterHeaders.reasonOf(wrapped);

        assertThat(reason).isEqualTo("Error invoking subclass method (root cause: java.net.SocketException: "
                + "Connection reset)");
    }

    @Test
    void messageThatAlreadyNamesItsCauseStandsAlone() {
        Throwable failure = new MalformedEventException("not a valid TranscriptParsed JSON document: Unexpected end",
                new IllegalArgumentException("Unexpected end\n at [Source: line 1]"));

        assertThat(DeadLetterHeaders.reasonOf(failure))
                .isEqualTo("not a valid TranscriptParsed JSON document: Unexpected end");
    }

    @Test
    void failureWithoutMessageIsNamedByItsClass() {
        assertThat(DeadLetterHeaders.reasonOf(new StackOverflowError())).isEqualTo("java.lang.StackOverflowError");
    }

    @Test
    void headersCarryTheReasonAndWhereTheRecordWasRead() {
        var headers = DeadLetterHeaders.describe(new RuntimeException("outer", new SocketException("reset")),
                "transcripts.parsed", 2, 601);

        assertThat(headers).containsEntry(DeadLetterHeaders.REASON,
                        "outer (root cause: java.net.SocketException: reset)")
                .containsEntry(DeadLetterHeaders.CAUSE, "reset")
                .containsEntry(DeadLetterHeaders.TOPIC, "transcripts.parsed")
                .containsEntry(DeadLetterHeaders.PARTITION, "2")
                .containsEntry(DeadLetterHeaders.OFFSET, "601");
    }
}
