package io.verbatim.ingest.state;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of {@code ingest.state} holds a URL's records: the murmur2 hash of its host (lower case, without
 * scheme or port), as Kafka's default partitioner hashes keys. Every page and feed of one host lands on one partition,
 * so the replica that owns the partition is the only one that asks that host.
 */
public final class HostPartitioner {

    private HostPartitioner() {
    }

    public static int partition(String url, int partitions) {
        return Utils.toPositive(Utils.murmur2(hostOf(url).getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host != null) {
                return host.toLowerCase(Locale.ROOT);
            }
        } catch (IllegalArgumentException e) {
            // not a URI: the whole string stands for its host
        }
        return url;
    }
}
