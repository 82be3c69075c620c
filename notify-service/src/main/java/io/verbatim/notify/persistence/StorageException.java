package io.verbatim.notify.persistence;

/** The database could not do what was asked; the cause says why. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
