package io.verbatim.ingest.source;

/**
 * The human name of a source, as a submission ({@code sourceName}) or a new feed ({@code name}) gives it: one line of
 * printable text, short enough to show. It travels in events and the crawl state, so a NUL or a megabyte stops here.
 */
public final class SourceNames {

    public static final int MAX_LENGTH = 200;

    private SourceNames() {
    }

    /** The name stripped, or null if it is absent or blank; an {@link IllegalArgumentException} says what is wrong. */
    public static String checked(String name, String parameter) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(parameter + " is longer than " + MAX_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(parameter + " contains a control character");
        }
        return name.strip();
    }
}
