package io.verbatim.store.persistence;

/**
 * Storing a document was given up because the service is shutting down. Not the record's fault: it is never
 * dead-lettered, its offset is not committed, and the replica that takes the partition over stores it.
 */
public class StorageStopped extends RuntimeException {

    public StorageStopped(String documentId, Throwable lastFailure) {
        super("store-service is shutting down: document " + documentId + " is left to the next owner of its partition",
                lastFailure);
    }
}
