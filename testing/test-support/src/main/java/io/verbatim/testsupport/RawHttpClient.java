package io.verbatim.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one HTTP/1.1 request over a plain socket exactly as written, for the requests that well-behaved clients will
 * not send: invalid percent-encoding, control characters or non-ASCII bytes in a header, a missing Content-Type, a
 * Content-Length far beyond what is sent. The body is written by a thread of its own, so an answer that a server
 * gives before it has read the whole body (a 413, say) is read even though the server then closes the connection.
 */
public final class RawHttpClient {

    private final String host;
    private final int port;

    public RawHttpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The answer: status, headers (names in lower case, the last of repeated ones) and body as UTF-8 text. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Whether the body is an RFC 7807 problem carrying this answer's status and a detail. */
        public boolean isProblem() {
            return "application/problem+json".equals(header("Content-Type")) && body.contains("\"status\":" + status)
                    && body.contains("\"detail\":\"");
        }
    }

    /** {@code name=value} for a query string, the value percent-encoded as UTF-8 (a space as {@code +}). */
    public static String parameter(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Sends the request line and the header lines as given (UTF-8), adding {@code Host}, {@code Connection: close}
     * and, unless a header line sets it or the body is null, {@code Content-Length}.
     */
    public Answer send(String requestLine, List<String> headerLines, byte[] body) {
        List<String> lines = new ArrayList<>(headerLines);
        boolean lengthGiven = lines.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"));
        if (body != null && !lengthGiven) {
            lines.add("Content-Length: " + body.length);
        }
        return exchange(requestLine, lines, out -> {
            if (body != null) {
                out.write(body);
            }
        });
    }

    /** Sends {@code chunk} {@code times} times with {@code Transfer-Encoding: chunked}, so no length is announced. */
    public Answer sendChunked(String requestLine, List<String> headerLines, byte[] chunk, int times) {
        List<String> lines = new ArrayList<>(headerLines);
        lines.add("Transfer-Encoding: chunked");
        byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        return exchange(requestLine, lines, out -> {
            for (int i = 0; i < times; i++) {
                out.write(size);
                out.write(chunk);
                out.write(crlf);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private Answer exchange(String requestLine, List<String> headerLines, BodyWriter body) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: ").append(host).append(':').append(port)
                .append("\r\nConnection: close\r\n");
        headerLines.forEach(line -> head.append(line).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                    body.write(out);
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed the connection before it took the whole request
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int headEnd = -1;
        byte[] chunk = new byte[8192];
        int n;
        while (headEnd < 0 && (n = in.read(chunk)) > 0) {
            buffer.write(chunk, 0, n);
            headEnd = buffer.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        }
        String all = buffer.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0) {
            throw new IOException("no complete answer, only: " + all);
        }
        String[] lines = all.substring(0, headEnd).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] rest = Arrays.copyOfRange(buffer.toByteArray(), headEnd + 4, buffer.size());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(rest);
        long length = Long.parseLong(headers.getOrDefault("content-length", "-1"));
        while ((length < 0 || body.size() < length) && (n = in.read(chunk)) > 0) {
            body.write(chunk, 0, n);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }
}
