package io.verbatim.ingest.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A web site on one loopback address (127.0.0.x): the JDK's HTTP server serving an RSS feed at {@code /feed} and
 * small HTML pages, with no robots.txt (404: everything allowed). It logs every request with its path, the
 * User-Agent (which names the replica), when it arrived and when the server began to answer.
 */
final class RecordingHost implements AutoCloseable {

    /**
     * @param started   when the request arrived
     * @param answering when the server began to answer: no later than the client's end of the request, so the gap
     *                  from here to the next request's arrival is at least the client's pause between the two
     */
    record Request(String path, String userAgent, Instant started, Instant answering) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> pages = new ConcurrentHashMap<>();
    private volatile List<String> feedLinks = List.of();

    RecordingHost(String address) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves these pages (paths) of this host. */
    RecordingHost pages(List<String> paths) {
        paths.forEach(path -> pages.put(path, true));
        return this;
    }

    /** The feed lists these URLs (of this host or others). */
    RecordingHost feed(List<String> links) {
        feedLinks = List.copyOf(links);
        return this;
    }

    String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    String url(String path) {
        return "http://" + host() + ":" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant started = Instant.now();
        Instant[] answering = {started};
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals("/feed")) {
                StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
                        + "<channel><title>Feed of " + host() + "</title><link>" + url("/") + "</link>"
                        + "<description>d</description>");
                for (String link : feedLinks) {
                    rss.append("<item><title>").append(link).append("</title><link>").append(link)
                            .append("</link></item>");
                }
                answering[0] = Instant.now();
                respond(exchange, 200, "application/rss+xml", rss.append("</channel></rss>").toString());
            } else if (pages.containsKey(path)) {
                answering[0] = Instant.now();
                respond(exchange, 200, "text/html", "<p><b>Vladimir Putin:</b> Page " + path + " of " + host()
                        + ".</p>");
            } else {
                answering[0] = Instant.now();
                respond(exchange, 404, "text/plain", "");
            }
        } finally {
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("User-Agent"), started,
                    answering[0]));
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
