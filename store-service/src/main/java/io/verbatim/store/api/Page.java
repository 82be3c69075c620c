package io.verbatim.store.api;

import java.util.List;

/**
 * One page of results. {@code nextCursor} is null on the last page; pass it back as {@code cursor} for the next one
 * (keyset paging: every page costs the same however deep).
 */
public record Page<T>(List<T> items, String nextCursor) {
}
