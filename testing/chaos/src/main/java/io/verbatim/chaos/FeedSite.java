package io.verbatim.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.verbatim.local.CorpusVariants;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A publisher's web site for the scale-out run: one JDK HTTP server per host, each on a loopback address of its own
 * (127.0.0.1, 127.0.0.2, …, all loopback on Linux, so that ingest-service sees different hosts and paces each on its
 * own), serving an Atom feed ({@code /feed.atom}) that lists its pages ({@code /pages/<n>.html}, corpus variants)
 * and answering everything else with 404 (robots.txt included: everything allowed). Every request is logged with
 * the host, path, method and the time it arrived, for the audit: no page fetched twice, the per-host delay kept.
 */
final class FeedSite implements AutoCloseable {

    /** One request as a host saw it. */
    record Request(String host, String path, String method, Instant at) {
    }

    /** One page of the site: its address and the corpus variant it serves. */
    record Page(String url, CorpusVariants.Variant variant) {
    }

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(6);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<Page>> pagesByFeed = new LinkedHashMap<>();

    /**
     * {@code pages} pages spread round-robin over {@code hosts} hosts, page {@code i} serving variant
     * {@code firstVariant + i} (so that they differ from the documents submitted through the API).
     */
    FeedSite(int hosts, int pages, CorpusVariants variants, int firstVariant) throws IOException {
        List<List<Page>> perHost = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (h + 1)});
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
            String base = "http://" + address.getHostAddress() + ":" + server.getAddress().getPort();
            List<Page> own = new ArrayList<>();
            perHost.add(own);
            server.createContext("/", exchange -> serve(exchange, base, own));
            server.setExecutor(executor);
            servers.add(server);
            pagesByFeed.put(base + "/feed.atom", own);
        }
        for (int i = 0; i < pages; i++) {
            HttpServer server = servers.get(i % hosts);
            String base = "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                    + server.getAddress().getPort();
            perHost.get(i % hosts).add(new Page(base + "/pages/" + i + ".html", variants.variant(firstVariant + i)));
        }
        servers.forEach(HttpServer::start);
    }

    /** The feed of every host. */
    List<String> feeds() {
        return List.copyOf(pagesByFeed.keySet());
    }

    List<Page> pages() {
        return pagesByFeed.values().stream().flatMap(List::stream).toList();
    }

    /** The hosts' addresses, as ingest-service's allowed-hosts setting wants them. */
    List<String> hosts() {
        return servers.stream().map(s -> s.getAddress().getAddress().getHostAddress()).toList();
    }

    List<Request> requests() {
        return Collections.unmodifiableList(requests);
    }

    private void serve(HttpExchange exchange, String base, List<Page> pages) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getLocalAddress().getAddress().getHostAddress(), path,
                exchange.getRequestMethod(), Instant.now()));
        try (exchange) {
            if (path.equals("/feed.atom")) {
                respond(exchange, 200, "application/atom+xml", atom(base, pages));
                return;
            }
            for (Page page : pages) {
                if (page.url().equals(base + path)) {
                    respond(exchange, 200, page.variant().contentType() + "; charset=utf-8", page.variant().body());
                    return;
                }
            }
            respond(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] atom(String base, List<Page> pages) {
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Scale-out site</title><id>" + base
                + "/</id><updated>2026-12-03T00:00:00Z</updated><link rel=\"self\" href=\"" + base + "/feed.atom\"/>");
        for (Page page : pages) {
            feed.append("<entry><title>").append(page.variant().template()).append(' ')
                    .append(page.variant().number()).append("</title><id>").append(page.url())
                    .append("</id><updated>2026-12-03T00:00:00Z</updated><link rel=\"alternate\" href=\"")
                    .append(page.url()).append("\"/></entry>");
        }
        return feed.append("</feed>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) {
        try {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
