package io.verbatim.ingest.fetch;

import java.util.Optional;

/**
 * The ETag and Last-Modified of the copy a caller already has; sent as If-None-Match and If-Modified-Since so an
 * unchanged page comes back as {@link FetchResult.NotModified} without its body.
 */
public record CacheValidators(Optional<String> etag, Optional<String> lastModified) {

    public static final CacheValidators NONE = new CacheValidators(Optional.empty(), Optional.empty());

    public CacheValidators {
        etag = etag.filter(value -> !value.isBlank());
        lastModified = lastModified.filter(value -> !value.isBlank());
    }

    /** Validators from nullable values, as stored after an earlier fetch. */
    public static CacheValidators of(String etag, String lastModified) {
        return new CacheValidators(Optional.ofNullable(etag), Optional.ofNullable(lastModified));
    }
}
