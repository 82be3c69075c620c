package io.verbatim.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on loopback between a service and PostgreSQL that, once armed, breaks the connection of one
 * transaction exactly at its {@code COMMIT}: the database connection dies while the commit is in flight, which is
 * what a database crash, a failover or a network cut at commit time does to a client. The transaction to cut is
 * recognised by a marker (for example a document id) that its statements sent before the commit.
 *
 * <p>{@link Cut#BEFORE_COMMIT} drops the {@code COMMIT} before PostgreSQL sees it (the transaction is rolled back
 * by the server); {@link Cut#AFTER_COMMIT} lets PostgreSQL commit and drops its answer (the transaction is
 * committed, but the client cannot know). Either way the client sees the connection reset during its commit: the
 * outcome is unknown to it. Each cut resets both sockets (linger 0), once per arming.
 */
public final class CommitCuttingProxy implements AutoCloseable {

    /** Where the commit is cut. */
    public enum Cut {
        BEFORE_COMMIT, AFTER_COMMIT
    }

    private static final byte[] COMMIT_QUERY = "\0COMMIT\0".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private final Thread acceptor;

    private record Armed(byte[] marker, Cut cut) {
    }

    /** Starts a proxy on a free loopback port that forwards to PostgreSQL on {@code localhost:targetPort}. */
    public CommitCuttingProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the proxy's port", e);
        }
        acceptor = new Thread(this::accept, "commit-cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Cuts, once, the connection whose transaction sent {@code marker} when it next commits. */
    public void arm(String marker, Cut cut) {
        armed.set(new Armed(marker.getBytes(StandardCharsets.UTF_8), cut));
    }

    /** How many commits this proxy has cut so far. */
    public int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket database = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                database.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(database);
                new Connection(client, database).start();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** One proxied connection: a pump each way and what it has seen of its current transaction. */
    private final class Connection {
        private final Socket client;
        private final Socket database;
        private volatile boolean markerSeen;
        private volatile boolean cutOnAnswer;
        private byte[] tail = new byte[0];
        private byte[] preparedCommit;

        Connection(Socket client, Socket database) {
            this.client = client;
            this.database = database;
        }

        void start() {
            Thread up = new Thread(this::clientToDatabase, "proxy-up-" + client.getPort());
            Thread down = new Thread(this::databaseToClient, "proxy-down-" + client.getPort());
            up.setDaemon(true);
            down.setDaemon(true);
            up.start();
            down.start();
        }

        private void clientToDatabase() {
            byte[] buffer = new byte[65536];
            try (InputStream in = client.getInputStream(); OutputStream out = database.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    // the bytes of this read, with the end of the previous one in front, so a word split across two
                    // reads is still found
                    byte[] window = concat(tail, Arrays.copyOf(buffer, n));
                    int fresh = tail.length; // bytes before this index were looked at in the previous read
                    tail = Arrays.copyOfRange(window, Math.max(0, window.length - 64), window.length);
                    Armed armedNow = armed.get();
                    if (armedNow != null && indexOf(window, armedNow.marker(), fresh) >= 0) {
                        markerSeen = true;
                    }
                    boolean commit = isCommit(window, fresh);
                    if (armedNow != null && markerSeen && commit && armed.compareAndSet(armedNow, null)) {
                        if (armedNow.cut() == Cut.BEFORE_COMMIT) {
                            cut();
                            return;
                        }
                        cutOnAnswer = true;
                    }
                    if (commit) {
                        markerSeen = false; // the next transaction on this connection starts afresh
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side went away: the other pump ends too
            } finally {
                closeQuietly();
            }
        }

        /**
         * Whether these bytes carry a {@code COMMIT}: its text, or (once the driver has prepared it on the server,
         * as PgJDBC does after a few uses) a Bind message naming the prepared statement that holds it.
         */
        private boolean isCommit(byte[] window, int fresh) {
            int at = indexOf(window, COMMIT_QUERY, fresh);
            if (at >= 0) {
                // a Parse message: 'P', length, statement name, NUL, query, NUL; remember a named statement's name
                int end = at;
                int start = end;
                while (start > 0 && isNameByte(window[start - 1])) {
                    start--;
                }
                if (end > start && window[start] == 'S') {
                    byte[] name = Arrays.copyOfRange(window, start, end);
                    preparedCommit = concat(concat(new byte[] {0}, name), new byte[] {0});
                }
                return true;
            }
            return preparedCommit != null && indexOf(window, preparedCommit, fresh) >= 0;
        }

        private void databaseToClient() {
            byte[] buffer = new byte[65536];
            try (InputStream in = database.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (cutOnAnswer) {
                        cut();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side went away
            } finally {
                closeQuietly();
            }
        }

        /** Resets both sockets (RST, not FIN): the client sees "connection reset" in the middle of its commit. */
        private void cut() {
            cuts.incrementAndGet();
            try {
                client.setSoLinger(true, 0);
                database.setSoLinger(true, 0);
            } catch (IOException e) {
                // already closed
            }
            closeQuietly();
        }

        private void closeQuietly() {
            for (Socket socket : List.of(client, database)) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing left to release
                }
            }
        }
    }

    private static boolean isNameByte(byte b) {
        return b == '_' || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z');
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    /** Where {@code needle} first occurs in {@code haystack} ending at or after {@code freshFrom}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle, int freshFrom) {
        outer:
        for (int i = Math.max(0, freshFrom - needle.length + 1); i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        acceptor.interrupt();
    }

    /** The address a JDBC URL should use to go through this proxy. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }
}
