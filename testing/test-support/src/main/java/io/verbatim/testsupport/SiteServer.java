package io.verbatim.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.verbatim.corpus.Corpus;
import io.verbatim.events.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a saved web site (from {@code sites/<host>/} on the classpath) on 127.0.0.1 as its crawler would see it:
 * the site's absolute links are rewritten to this server, pages ending in {@code .html} are also served without
 * the extension (the site's own URLs), and conditional requests are answered with 304 unless
 * {@link #ignoreConditionalRequests} says otherwise. Every request is logged with its time and status, and single
 * responses can be forced (a 429 with Retry-After, say).
 */
public final class SiteServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String path, Instant at, int status, boolean conditional) {
    }

    private record Forced(int status, Map<String, String> headers) {
    }

    private static final String LAST_MODIFIED = "Thu, 27 Aug 2020 17:09:44 GMT";

    /**
     * Pages of a saved site that the corpus holds as well, byte for byte: their one copy is the corpus document
     * (see corpus/SOURCES.md), served here under the site's own path.
     */
    private static final Map<String, String> PAGES_IN_THE_CORPUS = Map.of(
            "/sites/en.kremlin.ru/events/president/news/63914.html", "28-kremlin-kudrin-meeting.html");

    private final String host;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Forced>> forced = new ConcurrentHashMap<>();
    private volatile boolean honourConditionals = true;

    public SiteServer(String host) {
        this.host = host;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    /** From now on, answer conditional requests with the full page, as some servers do. */
    public SiteServer ignoreConditionalRequests() {
        honourConditionals = false;
        return this;
    }

    /** The next request for {@code path} gets {@code status} with the given headers instead of the page. */
    public SiteServer forceOnce(String path, int status, Map<String, String> headers) {
        forced.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Forced(status, headers));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsFor(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean conditional = exchange.getRequestHeaders().containsKey("If-None-Match")
                || exchange.getRequestHeaders().containsKey("If-Modified-Since");
        try (exchange) {
            Deque<Forced> queue = forced.get(path);
            Forced force = queue == null ? null : queue.poll();
            if (force != null) {
                force.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                respond(exchange, path, force.status(), new byte[0], conditional);
                return;
            }
            byte[] body = load(path);
            if (body == null) {
                respond(exchange, path, 404, "not found".getBytes(StandardCharsets.UTF_8), conditional);
                return;
            }
            String etag = "\"" + Sha256.hex(body).substring(0, 16) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            exchange.getResponseHeaders().add("Content-Type", contentType(path));
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (honourConditionals && etag.equals(ifNoneMatch)) {
                respond(exchange, path, 304, new byte[0], conditional);
                return;
            }
            respond(exchange, path, 200, body, conditional);
        }
    }

    private void respond(HttpExchange exchange, String path, int status, byte[] body, boolean conditional)
            throws IOException {
        requests.add(new Request(path, Instant.now(), status, conditional));
        if (status == 304 || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[] load(String path) throws IOException {
        String resource = "/sites/" + host + path;
        byte[] bytes = read(resource);
        if (bytes == null) {
            bytes = read(resource + ".html");
        }
        if (bytes == null) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.replace("http://" + host, baseUrl()).replace("https://" + host, baseUrl())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(String resource) throws IOException {
        String corpusDocument = PAGES_IN_THE_CORPUS.get(resource);
        if (corpusDocument != null) {
            return Corpus.bytes(Corpus.DOCS, corpusDocument);
        }
        try (InputStream in = SiteServer.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String contentType(String path) {
        if (path.endsWith("/feed") || path.contains("/feed/")) {
            return "application/atom+xml; charset=utf-8";
        }
        if (path.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        return "text/html; charset=utf-8";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
