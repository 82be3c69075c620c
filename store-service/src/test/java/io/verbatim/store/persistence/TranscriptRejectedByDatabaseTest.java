package io.verbatim.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TranscriptRejectedByDatabaseTest {

    @Test
    void dataExceptionDeepInsideWrappersIsTheRecordsFault() {
        SQLException invalidByte = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        Throwable wrapped = new RuntimeException("Error invoking subclass method",
                new IllegalStateException("could not execute statement", invalidByte));

        assertThat((Object) TranscriptRejectedByDatabase.dataErrorIn(wrapped)).isSameAs(invalidByte);
    }

    @Test
    void integrityViolationOtherThanAUniqueRaceIsTheRecordsFault() {
        assertThat((Object) TranscriptRejectedByDatabase.dataErrorIn(new SQLException("null value", "23502"))).isNotNull();
        assertThat((Object) TranscriptRejectedByDatabase.dataErrorIn(new SQLException("duplicate key", "23505"))).isNull();
    }

    @Test
    void dataErrorOnlyInASuppressedExceptionIsStillFound() {
        RuntimeException rollback = new RuntimeException("rolled back");
        rollback.addSuppressed(new SQLException("value too long for type character varying(64)", "22001"));

        assertThat((Object) TranscriptRejectedByDatabase.dataErrorIn(rollback)).isNotNull();
    }

    @Test
    void lostConnectionsAndUnknownCommitOutcomesAreNotTheRecordsFault() {
        Throwable commitUnknown = new RuntimeException("Error invoking subclass method",
                new Exception("ARJUNA016039: onePhaseCommit failed",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        Throwable noSqlState = new IllegalStateException("Error invoking subclass method");
        Throwable shutdown = new SQLException("terminating connection due to administrator command", "57P01");

        assertThat((Object) TranscriptRejectedByDatabase.dataErrorIn(commitUnknown)).isNull();
        assertThat((Object) TranscriptRejectedByDatabase.dataErrorIn(noSqlState)).isNull();
        assertThat((Object) TranscriptRejectedByDatabase.dataErrorIn(shutdown)).isNull();
    }

    @Test
    void batchErrorGivesWayToTheServersErrorThatFollowsIt() {
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException(
                "Batch entry 0 insert into transcript (title) values ('...') was aborted", "22021", new int[0]);
        SQLException server = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        batch.setNextException(server);

        assertThat((Object) TranscriptRejectedByDatabase.dataErrorIn(batch)).isSameAs(server);
    }

    @Test
    void longMessageIsCut() {
        SQLException huge = new SQLException("value too long: " + "x".repeat(10_000), "22001");

        assertThat(new TranscriptRejectedByDatabase("abc", huge).getMessage()).hasSizeLessThan(400).endsWith("…");
    }

    @Test
    void messageNamesTheDocumentTheStateAndTheDatabasesFirstLine() {
        SQLException tooLong = new SQLException("value too long for type character varying(32)\n  Where: x", "22001");

        assertThat(new TranscriptRejectedByDatabase("abc", tooLong).getMessage()).isEqualTo(
                "PostgreSQL refused document abc (SQLState 22001): value too long for type character varying(32)");
    }
}
