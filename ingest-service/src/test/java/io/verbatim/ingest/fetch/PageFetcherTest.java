package io.verbatim.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.ingest.fetch.FetchResult.Failed;
import io.verbatim.ingest.fetch.FetchResult.Fetched;
import io.verbatim.ingest.fetch.FetchResult.NotModified;
import io.verbatim.ingest.fetch.FetchResult.Outcome;
import io.verbatim.ingest.fetch.FetchResult.Refused;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PageFetcherTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /**
     * A read time-out far above any answer of the local server, so that only the time-out test below (which sets
     * 500 ms itself) can time out: the first fetch of a fresh test JVM waited 670 ms for its response head on a loaded
     * machine (the JDK server's and HttpClient's first request), past the 500 ms this class once used everywhere.
     */
    private static final FetchSettings SETTINGS = FetchSettings.defaults()
            .withAllowedHosts(Set.of(LocalHttpServer.HOST))
            .withReadTimeout(Duration.ofSeconds(10));

    private final LocalHttpServer server = new LocalHttpServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private PageFetcher fetcher = new PageFetcher(SETTINGS, CLOCK);

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        fetcher.close();
        server.close();
    }

    @Test
    void fetchesAPageWithItsValidatorsAndSendsTheUserAgent() {
        server.on("/page", 200, "<p>Добрый день</p>", "Content-Type", "text/html; charset=UTF-8",
                "ETag", "\"v1\"", "Last-Modified", "Sat, 28 Nov 2026 10:00:00 GMT");

        FetchResult result = fetcher.fetch(server.url("/page"));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, page -> {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.finalUrl()).isEqualTo(server.url("/page"));
            assertThat(page.contentType()).isEqualTo("text/html");
            assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(page.body()).isEqualTo("<p>Добрый день</p>");
            assertThat(page.etag()).hasValue("\"v1\"");
            assertThat(page.lastModified()).hasValue("Sat, 28 Nov 2026 10:00:00 GMT");
            assertThat(page.byteCount()).isEqualTo("<p>Добрый день</p>".getBytes(StandardCharsets.UTF_8).length);
        });
        assertThat(server.exchanges().get(0).getRequestHeaders().getFirst("User-Agent"))
                .isEqualTo("Verbatim/0.1 (+https://github.com/verbatim; transcript archiver)");
    }

    @Test
    void nonHttpSchemesAreRefused() {
        FetchResult ftp = fetcher.fetch("ftp://" + LocalHttpServer.HOST + "/file");
        FetchResult file = fetcher.fetch("file:///etc/passwd");

        assertThat(ftp).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).contains("only http and https"));
        assertThat(file).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).contains("only http and https"));
    }

    @Test
    void loopbackServerIsRefusedWhenNotAllowlisted() throws IOException {
        server.on("/page", 200, "secret");
        fetcher.close();
        fetcher = new PageFetcher(SETTINGS.withAllowedHosts(Set.of()), CLOCK);

        FetchResult result = fetcher.fetch(server.url("/page"));

        assertThat(result).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason())
                .isEqualTo("refused: host 127.0.0.1 is a loopback address "
                        + "(add the host to verbatim.ingest.allowed-hosts to allow it)"));
        assertThat(server.hits("/page")).isZero();
    }

    @Test
    void hostNameResolvingToLoopbackIsRefusedWhenOnlyTheAddressIsAllowlisted() {
        server.on("/page", 200, "secret");

        FetchResult result = fetcher.fetch("http://localhost:" + server.port() + "/page");

        assertThat(result).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason())
                .startsWith("refused: host localhost resolves to ")
                .contains("a loopback address"));
        assertThat(server.hits("/page")).isZero();
    }

    @Test
    void redirectToAPrivateAddressIsRefused() {
        server.on("/go", 302, "", "Location", "http://10.0.0.1/");

        FetchResult result = fetcher.fetch(server.url("/go"));

        assertThat(result).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason())
                .isEqualTo("refused: host 10.0.0.1 is a private address "
                        + "(add the host to verbatim.ingest.allowed-hosts to allow it)"));
    }

    @Test
    void redirectToTheCloudMetadataServiceIsRefused() {
        server.on("/go", 301, "", "Location", "http://169.254.169.254/latest/meta-data");

        FetchResult result = fetcher.fetch(server.url("/go"));

        assertThat(result).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason())
                .contains("169.254.169.254").contains("link-local"));
    }

    @Test
    void redirectToAHostNameResolvingToLoopbackIsRefusedBeforeConnecting() {
        server.on("/go", 307, "", "Location", "http://localhost:" + server.port() + "/secret");
        server.on("/secret", 200, "secret");

        FetchResult result = fetcher.fetch(server.url("/go"));

        assertThat(result).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason())
                .startsWith("refused: host localhost resolves to "));
        assertThat(server.hits("/go")).isEqualTo(1);
        assertThat(server.hits("/secret")).isZero();
    }

    @Test
    void redirectToANonHttpSchemeIsRefused() {
        server.on("/go", 302, "", "Location", "file:///etc/passwd");

        FetchResult result = fetcher.fetch(server.url("/go"));

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).contains("only http and https"));
    }

    @Test
    void fiveRedirectsAreFollowedToTheFinalPage() {
        serveRedirectChain();

        FetchResult result = fetcher.fetch(server.url("/hop/1"));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, page -> {
            assertThat(page.finalUrl()).isEqualTo(server.url("/hop/6"));
            assertThat(page.body()).isEqualTo("arrived");
        });
    }

    @Test
    void moreThanFiveRedirectsAreRefused() {
        serveRedirectChain();

        FetchResult result = fetcher.fetch(server.url("/hop/0"));

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).startsWith("refused: more than 5 redirects"));
        assertThat(server.hits("/hop/6")).isZero();
    }

    @Test
    void bodyLargerThanTheCapIsRefused() throws IOException {
        server.on("/big", 200, "x".repeat(5000), "Content-Type", "text/plain");
        fetcher.close();
        fetcher = new PageFetcher(SETTINGS.withMaxBodyBytes(1000), CLOCK);

        FetchResult result = fetcher.fetch(server.url("/big"));

        assertThat(result).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason())
                .contains("larger than 1000 bytes after decompression"));
    }

    @Test
    void chunkedBodyLargerThanTheCapIsRefused() throws IOException {
        server.on("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (var out = exchange.getResponseBody()) {
                out.write(new byte[5000]);
            }
        });
        fetcher.close();
        fetcher = new PageFetcher(SETTINGS.withMaxBodyBytes(1000), CLOCK);

        FetchResult result = fetcher.fetch(server.url("/big"));

        assertThat(result).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason())
                .contains("larger than 1000 bytes after decompression"));
    }

    @Test
    void shortFormLoopbackAddressIsRefused() {
        server.on("/page", 200, "secret");

        FetchResult result = fetcher.fetch("http://127.1:" + server.port() + "/page");

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).contains("has no valid host name"));
        assertThat(server.hits("/page")).isZero();
    }

    @Test
    void malformedUrlIsRefusedNotThrown() {
        FetchResult result = fetcher.fetch("http://[not-an-address/");

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void deflatedPageIsDecompressed() {
        byte[] page = deflate("<p>deflated</p>".getBytes(StandardCharsets.UTF_8));
        server.on("/page", exchange -> LocalHttpServer.respond(exchange, 200, page,
                "Content-Type", "text/html; charset=utf-8", "Content-Encoding", "deflate"));

        FetchResult result = fetcher.fetch(server.url("/page"));

        assertThat(result).isInstanceOfSatisfying(Fetched.class,
                fetched -> assertThat(fetched.body()).isEqualTo("<p>deflated</p>"));
    }

    @Test
    void gzipBombIsRefusedOnceTheDecompressedBytesPassTheCap() {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        server.on("/bomb", exchange -> LocalHttpServer.respond(exchange, 200, bomb,
                "Content-Type", "text/html", "Content-Encoding", "gzip"));

        FetchResult result = fetcher.fetch(server.url("/bomb"));

        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(result).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason())
                .isEqualTo("refused: the body of " + server.url("/bomb") + " is larger than "
                        + SETTINGS.maxBodyBytes() + " bytes after decompression"));
    }

    @Test
    void gzippedPageIsDecompressed() {
        byte[] page = gzip("<p>compressed</p>".getBytes(StandardCharsets.UTF_8));
        server.on("/page", exchange -> LocalHttpServer.respond(exchange, 200, page,
                "Content-Type", "text/html; charset=utf-8", "Content-Encoding", "gzip"));

        FetchResult result = fetcher.fetch(server.url("/page"));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched -> {
            assertThat(fetched.body()).isEqualTo("<p>compressed</p>");
            assertThat(fetched.byteCount()).isEqualTo(17);
        });
        assertThat(server.exchanges().get(0).getRequestHeaders().getFirst("Accept-Encoding"))
                .isEqualTo("gzip, deflate");
    }

    @Test
    void slowServerHitsTheReadTimeOut() throws IOException {
        fetcher.close();
        fetcher = new PageFetcher(SETTINGS.withReadTimeout(Duration.ofMillis(500)), CLOCK);
        server.on("/slow", exchange -> {
            awaitRelease();
            LocalHttpServer.respond(exchange, 200, "late".getBytes(StandardCharsets.UTF_8));
        });

        FetchResult result = fetcher.fetch(server.url("/slow"));

        assertThat(result).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("timed out reading from 127.0.0.1 after 500 ms");
            assertThat(failed.status()).isEmpty();
        });
    }

    /**
     * Finding 4 of issue 12: a server that sends one byte just inside the read time-out each time held the single
     * crawl thread for as long as it liked; only per-read time-outs applied. The whole fetch now has a deadline.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void serverTricklingOneByteAtATimeIsCutOffAtTheWholeFetchDeadline() {
        fetcher = new PageFetcher(SETTINGS.withFetchDeadline(Duration.ofSeconds(1)), CLOCK);
        server.on("/trickle", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            while (release.getCount() > 0) {
                body.write('y');
                body.flush();
                awaitRelease(100);
            }
        });
        long started = System.nanoTime();

        FetchResult result = fetcher.fetch(server.url("/trickle"));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("gave up on " + server.url("/trickle")
                    + ": the whole fetch took longer than its deadline of 1000 ms");
            assertThat(failed.status()).isEmpty();
        });
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void unchangedPageAnswering304IsNotModified() {
        server.on("/page", exchange -> {
            boolean unchanged = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            LocalHttpServer.respond(exchange, unchanged ? 304 : 200, "changed".getBytes(StandardCharsets.UTF_8),
                    "ETag", unchanged ? "\"v1\"" : "\"v2\"");
        });

        FetchResult result = fetcher.fetch(server.url("/page"),
                CacheValidators.of("\"v1\"", "Sat, 28 Nov 2026 10:00:00 GMT"));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(result).isInstanceOfSatisfying(NotModified.class,
                notModified -> assertThat(notModified.etag()).hasValue("\"v1\""));
        assertThat(server.exchanges().get(0).getRequestHeaders().getFirst("If-Modified-Since"))
                .isEqualTo("Sat, 28 Nov 2026 10:00:00 GMT");
    }

    @Test
    void bodyIsDecodedByTheCharsetInTheContentTypeHeader() {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] page = "<html><body>Президент России</body></html>".getBytes(cp1251);
        server.on("/page", exchange -> LocalHttpServer.respond(exchange, 200, page,
                "Content-Type", "text/html; charset=windows-1251"));

        FetchResult result = fetcher.fetch(server.url("/page"));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched -> {
            assertThat(fetched.charset()).isEqualTo(cp1251);
            assertThat(fetched.body()).isEqualTo("<html><body>Президент России</body></html>");
        });
    }

    @Test
    void htmlWithoutAHeaderCharsetIsDecodedByItsMetaCharset() {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] page = "<html><head><meta charset=\"windows-1251\"></head><body>Кремль</body></html>".getBytes(cp1251);
        server.on("/page", exchange -> LocalHttpServer.respond(exchange, 200, page, "Content-Type", "text/html"));

        FetchResult result = fetcher.fetch(server.url("/page"));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched -> {
            assertThat(fetched.charset()).isEqualTo(cp1251);
            assertThat(fetched.body()).contains("<body>Кремль</body>");
        });
    }

    @Test
    void bodyWithoutAnyDeclaredCharsetIsDecodedAsUtf8() {
        server.on("/page", 200, "Кремль", "Content-Type", "text/plain");

        FetchResult result = fetcher.fetch(server.url("/page"));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched -> {
            assertThat(fetched.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(fetched.body()).isEqualTo("Кремль");
        });
    }

    @Test
    void tooManyRequestsReportsTheRetryAfterDelay() {
        server.on("/page", 429, "slow down", "Retry-After", "120");

        FetchResult result = fetcher.fetch(server.url("/page"));

        assertThat(result).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.status()).hasValue(429);
            assertThat(failed.retryAfter()).hasValue(NOW.plusSeconds(120));
            assertThat(failed.reason()).startsWith("HTTP 429");
        });
    }

    @Test
    void serviceUnavailableReportsTheRetryAfterDate() {
        server.on("/page", 503, "maintenance", "Retry-After", "Sat, 28 Nov 2026 13:30:00 GMT");

        FetchResult result = fetcher.fetch(server.url("/page"));

        assertThat(result).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.status()).hasValue(503);
            assertThat(failed.retryAfter()).hasValue(Instant.parse("2026-11-28T13:30:00Z"));
        });
    }

    @Test
    void closedPortIsAFailureNotAnException() throws IOException {
        String url = server.url("/page");
        server.close();

        FetchResult result = fetcher.fetch(url);

        assertThat(result).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.reason()).startsWith("could not connect to 127.0.0.1"));
    }

    private void awaitRelease() {
        awaitRelease(30_000);
    }

    private void awaitRelease(long millis) {
        try {
            release.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serveRedirectChain() {
        server.on("/hop/", exchange -> {
            int hop = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
            if (hop == 6) {
                LocalHttpServer.respond(exchange, 200, "arrived".getBytes(StandardCharsets.UTF_8));
            } else {
                LocalHttpServer.respond(exchange, 302, new byte[0], "Location", "/hop/" + (hop + 1));
            }
        });
    }

    private static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
