package io.verbatim.parse.extract;

/** A document that cannot be turned into a transcript at all: empty, or of a content type the extractor does not read. */
public class UnparseableDocumentException extends RuntimeException {

    private final String reason;

    public UnparseableDocumentException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
