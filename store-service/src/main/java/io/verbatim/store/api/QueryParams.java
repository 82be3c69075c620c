package io.verbatim.store.api;

import io.verbatim.events.http.Problem;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** Reading and checking query parameters; every failure is a 400 problem naming the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > maxLimit) {
                throw Problem.exception(Response.Status.BAD_REQUEST, "limit must be between 1 and " + maxLimit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "limit must be a whole number");
        }
    }

    static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problem.exception(Response.Status.BAD_REQUEST, name + " must be a date like 2024-06-19");
        }
    }

    static String text(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw Problem.exception(Response.Status.BAD_REQUEST, name + " is longer than " + maxLength + " characters");
        }
        requirePrintable(value, name);
        return value.strip();
    }

    /** PostgreSQL text cannot hold NUL, and no name or query needs control characters: refuse them up front. */
    static void requirePrintable(String value, String name) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t') {
                throw Problem.exception(Response.Status.BAD_REQUEST, name + " contains a control character");
            }
        }
    }

    /** The kinds of transcript parse-service tells apart. */
    static final java.util.List<String> KINDS = java.util.List.of("transcript", "address", "readout");

    static String kind(String value) {
        String kind = text(value, "kind", 20);
        if (kind != null && !KINDS.contains(kind)) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "kind is one of transcript, address, readout");
        }
        return kind;
    }

    static String documentId(String value) {
        String id = text(value, "document", 64);
        if (id != null && !id.matches("[0-9a-f]{64}")) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "document is 64 lower-case hex characters");
        }
        return id;
    }

    static String encodeCursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's plain form; a cursor that does not decode is a 400. */
    static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "cursor is not one this API gave out");
        }
    }

    static long cursorId(String plain) {
        try {
            return Long.parseLong(plain);
        } catch (NumberFormatException e) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "cursor is not one this API gave out");
        }
    }
}
