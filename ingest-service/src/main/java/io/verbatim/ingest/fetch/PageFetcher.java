package io.verbatim.ingest.fetch;

import io.verbatim.ingest.fetch.FetchResult.Failed;
import io.verbatim.ingest.fetch.FetchResult.Fetched;
import io.verbatim.ingest.fetch.FetchResult.NotModified;
import io.verbatim.ingest.fetch.FetchResult.Refused;
import io.verbatim.httpguard.GuardedDnsResolver;
import io.verbatim.httpguard.GuardedDnsResolver.AddressRefusedException;
import io.verbatim.httpguard.IpAddressPolicy;
import io.verbatim.httpguard.RetryAfterHeader;
import io.verbatim.httpguard.TargetUrls;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches web pages politely and safely: http and https only; every address connected to, for the first URL and for
 * each redirect, checked against the {@link IpAddressPolicy} (through {@link GuardedDnsResolver}, so the check applies
 * to the address actually connected to); redirects followed by hand, at most {@link FetchSettings#maxRedirects()},
 * each re-validated; connect and read time-outs; the body capped after decompression (a gzip bomb is cut off as soon
 * as the cap is passed); a deadline for the whole fetch ({@link FetchSettings#fetchDeadline()}: every hop's connect,
 * response headers and body together; when it passes the connection is closed under the reading thread, so a server
 * trickling bytes just inside the read time-out holds the caller no longer than the deadline); conditional GET; the
 * body decoded by its declared charset; at most {@link FetchSettings#maxConnections()} connections open (kept alive
 * for the next fetch of the same site, closed once unused for {@link FetchSettings#connectionIdleTime()}), so the
 * connection pool stays small however many sites are fetched.
 *
 * <p>Never throws for a fetch that goes wrong: see {@link FetchResult}. Thread-safe; one instance serves the whole
 * service (it holds a connection pool, so close it on shutdown). Politeness (delays, back-off) and robots.txt are
 * the caller's business: {@link HostPoliteness}, {@link RobotsPolicy}. Conditional headers are sent on every hop of a
 * redirect chain, since the validators a caller holds describe the page at the end of the chain.
 */
public final class PageFetcher implements AutoCloseable {

    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8";

    private final FetchSettings settings;
    private final IpAddressPolicy policy;
    private final Clock clock;
    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager connections;
    /**
     * Closes the connection of a fetch whose deadline has passed (one daemon thread, idle between deadlines). A fetch
     * that ends in time cancels its timer, which leaves the queue at once (not when the deadline would have passed):
     * otherwise every fetch of the last deadline's span would stay queued.
     */
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "page-fetch-deadline");
        thread.setDaemon(true);
        return thread;
    });

    public PageFetcher(FetchSettings settings, Clock clock) {
        this.settings = settings;
        this.policy = new IpAddressPolicy(settings.allowedHosts(), FetchSettings.ALLOWED_HOSTS_SETTING);
        this.clock = clock;
        Timeout connectTimeout = Timeout.ofMilliseconds(settings.connectTimeout().toMillis());
        Timeout readTimeout = Timeout.ofMilliseconds(settings.readTimeout().toMillis());
        deadlines.setRemoveOnCancelPolicy(true);
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(policy))
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(Math.min(FetchSettings.MAX_CONNECTIONS_PER_SITE, settings.maxConnections()))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout)
                        .setSocketTimeout(readTimeout)
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connectTimeout)
                        .setResponseTimeout(readTimeout)
                        .setRedirectsEnabled(false)
                        .build())
                .setUserAgent(settings.userAgent())
                // Redirects are followed here, each one re-validated; decompression is done here, under the cap;
                // retries are the scheduler's decision, after the politeness delay.
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    public FetchSettings settings() {
        return settings;
    }

    public FetchResult fetch(String url) {
        return fetch(url, CacheValidators.NONE);
    }

    /** Fetches {@code url}, sending the validators of the copy the caller already has. */
    public FetchResult fetch(String url, CacheValidators validators) {
        try {
            return fetchFollowingRedirects(url, validators);
        } finally {
            releaseIdleConnections();
        }
    }

    /**
     * Closes the pooled connections unused for longer than {@link FetchSettings#connectionIdleTime()} and drops the
     * pool's state for every site it no longer holds a connection to. The pool (httpcore5's {@code StrictConnPool})
     * keeps a per-site entry for every site it ever connected to and removes the empty ones only here: without this,
     * a crawl of 10,000 further sites kept 10,000 more entries (about 440 bytes each, 4.4 MB) although at most
     * {@link FetchSettings#maxConnections()} connections were open.
     */
    private void releaseIdleConnections() {
        connections.closeExpired();
        connections.closeIdle(TimeValue.ofMilliseconds(settings.connectionIdleTime().toMillis()));
    }

    /**
     * How many sites the connection pool holds state for: after a fetch, at most {@link FetchSettings#maxConnections()}
     * (plus the sites of fetches still running on other threads).
     */
    public int pooledSites() {
        return connections.getRoutes().size();
    }

    /** How many connections are open and kept alive, unused, for a later fetch. */
    public int idleConnections() {
        return connections.getTotalStats().getAvailable();
    }

    /** How many fetch deadlines are still scheduled (those of fetches running now). */
    int scheduledDeadlines() {
        return deadlines.getQueue().size();
    }

    private FetchResult fetchFollowingRedirects(String url, CacheValidators validators) {
        URI target;
        try {
            target = absolute(toUri(url));
        } catch (IllegalArgumentException e) {
            return new Refused(url, "refused: " + e.getMessage());
        }
        long deadline = System.nanoTime() + settings.fetchDeadline().toNanos();
        for (int redirects = 0; ; redirects++) {
            Optional<String> refusal = refusalOf(target);
            if (refusal.isPresent()) {
                return new Refused(url, refusal.get());
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return deadlinePassed(url, target);
            }
            Step step = exchange(url, target, validators, remaining);
            if (step.result() != null) {
                return step.result();
            }
            if (redirects >= settings.maxRedirects()) {
                return new Refused(url, "refused: more than " + settings.maxRedirects()
                        + " redirects (the last one from " + target + " to " + step.redirect() + ")");
            }
            target = step.redirect();
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /** Either the outcome of one request, or where it redirects to. */
    private record Step(FetchResult result, URI redirect) {
    }

    private Optional<String> refusalOf(URI target) {
        // An address literal is checked now; a name by the GuardedDnsResolver on every address it resolves to.
        return TargetUrls.refusal(target, policy);
    }

    /** One request, cancelled (its connection closed) if it is still running after {@code remainingNanos}. */
    private Step exchange(String requestedUrl, URI target, CacheValidators validators, long remainingNanos) {
        HttpGet get = new HttpGet(target);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> timer = deadlines.schedule(() -> {
            expired.set(true);
            get.cancel();
        }, remainingNanos, TimeUnit.NANOSECONDS);
        try {
            Step step = exchange(requestedUrl, target, validators, get);
            // whatever the cancelled exchange ended with (an I/O error, a cut-off body), the deadline is the reason
            return expired.get() ? new Step(deadlinePassed(requestedUrl, target), null) : step;
        } finally {
            timer.cancel(false);
        }
    }

    private Failed deadlinePassed(String requestedUrl, URI target) {
        return new Failed(requestedUrl, "gave up on " + target + ": the whole fetch took longer than its deadline of "
                + settings.fetchDeadline().toMillis() + " ms", OptionalInt.empty(), Optional.empty());
    }

    private Step exchange(String requestedUrl, URI target, CacheValidators validators, HttpGet get) {
        get.setHeader(HttpHeaders.ACCEPT, ACCEPT);
        get.setHeader(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate");
        validators.etag().ifPresent(etag -> get.setHeader(HttpHeaders.IF_NONE_MATCH, etag));
        validators.lastModified().ifPresent(date -> get.setHeader(HttpHeaders.IF_MODIFIED_SINCE, date));
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, get, null);
        } catch (IOException e) {
            return new Step(failure(requestedUrl, target, e), null);
        }
        try {
            int status = response.getCode();
            if (REDIRECT_STATUSES.contains(status)) {
                return redirect(requestedUrl, target, response);
            }
            if (status == 304) {
                return new Step(new NotModified(requestedUrl, target.toString(),
                        header(response, HttpHeaders.ETAG).or(validators::etag),
                        header(response, HttpHeaders.LAST_MODIFIED).or(validators::lastModified)), null);
            }
            if (status < 200 || status > 299) {
                String reason = "HTTP " + status + describe(response.getReasonPhrase()) + " from " + target;
                return new Step(new Failed(requestedUrl, reason, OptionalInt.of(status),
                        header(response, HttpHeaders.RETRY_AFTER)
                                .flatMap(value -> RetryAfterHeader.parse(value, clock.instant()))), null);
            }
            return new Step(body(requestedUrl, target, get, response), null);
        } catch (IOException e) {
            return new Step(failure(requestedUrl, target, e), null);
        } finally {
            // After a cancel (body too large) closing fails on the dead connection; that changes nothing.
            closeQuietly(response);
        }
    }

    private Step redirect(String requestedUrl, URI target, ClassicHttpResponse response) {
        Optional<String> location = header(response, HttpHeaders.LOCATION);
        if (location.isEmpty()) {
            return new Step(new Failed(requestedUrl, "HTTP " + response.getCode() + " from " + target
                    + " without a Location header", OptionalInt.of(response.getCode()), Optional.empty()), null);
        }
        try {
            return new Step(null, absolute(target.resolve(toUri(location.get()))));
        } catch (IllegalArgumentException e) {
            return new Step(new Refused(requestedUrl, "refused: " + target + " redirects to an invalid URL: "
                    + e.getMessage()), null);
        }
    }

    private FetchResult body(String requestedUrl, URI target, HttpGet get, ClassicHttpResponse response)
            throws IOException {
        String contentType = header(response, HttpHeaders.CONTENT_TYPE).orElse(null);
        HttpEntity entity = response.getEntity();
        byte[] bytes = new byte[0];
        if (entity != null) {
            if (entity.getContentLength() > settings.maxBodyBytes()) {
                get.cancel();
                return new Refused(requestedUrl, tooLarge(target));
            }
            String encoding = header(response, HttpHeaders.CONTENT_ENCODING)
                    .map(value -> value.trim().toLowerCase(Locale.ROOT)).orElse("identity");
            InputStream raw = entity.getContent();
            try {
                InputStream decoded = decompressing(raw, encoding);
                if (decoded == null) {
                    get.cancel();
                    return new Failed(requestedUrl, target + " sent an unsupported Content-Encoding: " + encoding,
                            OptionalInt.of(response.getCode()), Optional.empty());
                }
                bytes = readAtMost(decoded, settings.maxBodyBytes());
                if (bytes == null) {
                    get.cancel();
                    return new Refused(requestedUrl, tooLarge(target));
                }
            } finally {
                closeQuietly(raw);
            }
        }
        TextDecoder.Text text = TextDecoder.decode(bytes, contentType);
        return new Fetched(requestedUrl, target.toString(), response.getCode(), TextDecoder.mediaType(contentType),
                text.charset(), text.text(), header(response, HttpHeaders.ETAG),
                header(response, HttpHeaders.LAST_MODIFIED), bytes.length);
    }

    private String tooLarge(URI target) {
        return "refused: the body of " + target + " is larger than " + settings.maxBodyBytes()
                + " bytes after decompression";
    }

    private FetchResult failure(String requestedUrl, URI target, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AddressRefusedException) {
                return new Refused(requestedUrl, cause.getMessage());
            }
        }
        String reason;
        if (e instanceof ConnectTimeoutException) {
            reason = "timed out connecting to " + target.getHost() + " after " + settings.connectTimeout().toMillis()
                    + " ms";
        } else if (e instanceof SocketTimeoutException) {
            reason = "timed out reading from " + target.getHost() + " after " + settings.readTimeout().toMillis()
                    + " ms";
        } else if (e instanceof HttpHostConnectException) {
            reason = "could not connect to " + target.getHost() + ": " + e.getMessage();
        } else if (e instanceof UnknownHostException) {
            reason = "unknown host " + target.getHost();
        } else {
            reason = "fetching " + target + " failed: " + e;
        }
        return new Failed(requestedUrl, reason, OptionalInt.empty(), Optional.empty());
    }

    /** The decompressed stream, or null when the encoding is not one we asked for. */
    private static InputStream decompressing(InputStream raw, String encoding) throws IOException {
        switch (encoding) {
            case "identity":
            case "":
                return raw;
            case "gzip":
            case "x-gzip":
                return new GZIPInputStream(raw, 8192);
            case "deflate":
                // "deflate" should be zlib-wrapped, but some servers send a raw deflate stream: look at the header.
                PushbackInputStream peekable = new PushbackInputStream(raw, 2);
                byte[] head = peekable.readNBytes(2);
                peekable.unread(head);
                boolean zlib = head.length == 2 && (head[0] & 0x0f) == 8
                        && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
                return new InflaterInputStream(peekable, new Inflater(!zlib), 8192);
            default:
                return null;
        }
    }

    /** Reads the whole stream, or returns null as soon as it yields more than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static Optional<String> header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null || header.getValue() == null || header.getValue().isBlank()
                ? Optional.empty()
                : Optional.of(header.getValue().trim());
    }

    private static String describe(String reasonPhrase) {
        return reasonPhrase == null || reasonPhrase.isBlank() ? "" : " (" + reasonPhrase + ")";
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            // The connection was cancelled or broke; it is discarded either way.
        }
    }

    /** Parses a URL as browsers type it: spaces and non-ASCII characters are percent-encoded first. */
    static URI toUri(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the URL is empty");
        }
        StringBuilder escaped = new StringBuilder();
        for (byte b : url.trim().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                escaped.append('%').append(String.format("%02X", c));
            } else {
                escaped.append((char) c);
            }
        }
        try {
            return new URI(escaped.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url + " is not a valid URL (" + e.getReason() + ")");
        }
    }

    /** The URI without its fragment and with "/" for an empty path; it must be absolute. */
    private static URI absolute(URI uri) {
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException(uri + " is not an absolute URL");
        }
        if (uri.isOpaque()) {
            return uri; // mailto:, data: and the like: refused by scheme
        }
        StringBuilder text = new StringBuilder(uri.getScheme()).append(':');
        if (uri.getRawAuthority() != null) {
            text.append("//").append(uri.getRawAuthority());
        }
        String path = uri.getRawPath();
        text.append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        return URI.create(text.toString());
    }
}
