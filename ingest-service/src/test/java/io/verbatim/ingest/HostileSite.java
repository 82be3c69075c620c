package io.verbatim.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile web site on one loopback address (127.0.0.1, 127.0.0.2, …): the JDK's HTTP server, no robots.txt (404,
 * so everything is allowed), and handlers for what issue 12 found: a page trickled one byte at a time, a page of NUL
 * bytes, a feed with thousands of entries. Counts the requests each path receives.
 */
final class HostileSite implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    HostileSite(String address) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/robots.txt", exchange -> respond(exchange, 404, "text/plain", new byte[0]));
        server.start();
    }

    /** Serves {@code path} (and below) with {@code handler}, counting each request by its exact path. */
    HostileSite on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                // the client hung up (a fetch cut off at its deadline): nothing to answer
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    /** A small HTML page naming its path. */
    HostileSite page(String path) {
        return on(path, exchange -> respond(exchange, 200, "text/html",
                ("<p><b>Vladimir Putin:</b> Page " + exchange.getRequestURI().getPath() + ".</p>")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** A 200 whose body arrives one byte every 100 ms, for as long as the client reads (until close). */
    HostileSite trickle(String path) {
        return on(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            while (!awaitClosing(100)) {
                body.write('y');
                body.flush();
            }
        });
    }

    /** A page of {@code count} NUL bytes, declared as plain text. */
    HostileSite nulBytes(String path, int count) {
        return on(path, exchange -> respond(exchange, 200, "text/plain; charset=UTF-8", new byte[count]));
    }

    /** An RSS feed listing the pages {@code <prefix>0 … <prefix>(entries - 1)}. */
    byte[] rss(String pagePrefix, int entries) {
        String[] paths = new String[entries];
        for (int i = 0; i < entries; i++) {
            paths[i] = pagePrefix + i;
        }
        return rss(paths);
    }

    /** An RSS feed listing the given pages of this site. */
    byte[] rss(String... paths) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
                + "<channel><title>Hostile feed</title><link>" + url("/") + "</link><description>d</description>");
        for (String path : paths) {
            rss.append("<item><title>").append(path).append("</title><link>").append(url(path))
                    .append("</link></item>");
        }
        return rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + path;
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    int hitsUnder(String prefix) {
        return hits.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private boolean awaitClosing(long millis) {
        try {
            return closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
