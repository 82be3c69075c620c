package io.verbatim.ingest.fetch;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What came of one fetch. The fetcher never throws for these outcomes; {@link #outcome()} allows a switch on Java 17.
 */
public sealed interface FetchResult {

    enum Outcome { FETCHED, NOT_MODIFIED, REFUSED, FAILED }

    /** The URL the caller asked for. */
    String requestedUrl();

    Outcome outcome();

    /**
     * A 2xx response and its body.
     *
     * @param finalUrl the URL after redirects
     * @param contentType the media type without parameters, lower case ("text/html"); empty string when not sent
     * @param charset the charset the body was decoded with
     * @param byteCount the body's size in bytes after decompression
     */
    record Fetched(
            String requestedUrl,
            String finalUrl,
            int status,
            String contentType,
            Charset charset,
            String body,
            Optional<String> etag,
            Optional<String> lastModified,
            long byteCount) implements FetchResult {

        @Override
        public Outcome outcome() {
            return Outcome.FETCHED;
        }
    }

    /** A 304: the copy described by the {@link CacheValidators} sent is still current. */
    record NotModified(String requestedUrl, String finalUrl, Optional<String> etag, Optional<String> lastModified)
            implements FetchResult {

        @Override
        public Outcome outcome() {
            return Outcome.NOT_MODIFIED;
        }
    }

    /** Not fetched because a policy forbids it (scheme, address, redirects, size); retrying will not help. */
    record Refused(String requestedUrl, String reason) implements FetchResult {

        @Override
        public Outcome outcome() {
            return Outcome.REFUSED;
        }
    }

    /**
     * The server or the network failed: an error status, a time-out, a broken connection. Worth retrying later.
     *
     * @param status the HTTP status, when a response arrived
     * @param retryAfter the time the server asked us to wait until (Retry-After), when it did
     */
    record Failed(String requestedUrl, String reason, OptionalInt status, Optional<Instant> retryAfter)
            implements FetchResult {

        @Override
        public Outcome outcome() {
            return Outcome.FAILED;
        }
    }
}
