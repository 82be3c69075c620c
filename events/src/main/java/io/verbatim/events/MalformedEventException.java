package io.verbatim.events;

/** A record that is not a valid event of the contract. Consumers dead-letter such records. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
