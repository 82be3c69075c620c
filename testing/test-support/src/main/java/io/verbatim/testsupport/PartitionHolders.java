package io.verbatim.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;

/**
 * Other replicas of a service, as far as its consumer group can tell: {@code count} consumers that join the service's
 * group on its topic and, their member ids sorting before the service's own ({@code kafka-consumer-<channel>-…}),
 * are given every partition by the range assignor when there are at least as many of them as partitions. The
 * service's replica is then a member with nothing assigned, as a replica beyond the partition count or one that
 * joined during a rebalance is. They read nothing and commit nothing; {@link #close} leaves the group, which hands
 * the partitions back.
 */
public final class PartitionHolders implements AutoCloseable {

    private final String bootstrapServers;
    private final String group;
    private final String topic;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService threads;

    public PartitionHolders(String bootstrapServers, String group, String topic, int count) {
        this.bootstrapServers = bootstrapServers;
        this.group = group;
        this.topic = topic;
        this.threads = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "0-other-replica-" + i);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
            threads.execute(() -> {
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of(topic));
                    while (running.get()) {
                        consumer.poll(Duration.ofMillis(200)); // keeps its membership; nothing is committed
                    }
                }
            });
        }
    }

    /** The members of the group other than these (the service's), with the partitions of the topic each holds. */
    public Map<String, Integer> othersAssignments() throws Exception {
        return serviceAssignments(bootstrapServers, group, topic);
    }

    /** The members of {@code group} other than holders, with the partitions of {@code topic} each holds. */
    public static Map<String, Integer> serviceAssignments(String bootstrapServers, String group, String topic)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            Map<String, Integer> assignments = new java.util.TreeMap<>();
            for (MemberDescription member : description.members()) {
                if (!member.clientId().startsWith("0-other-replica-")) {
                    assignments.put(member.clientId(), (int) member.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(topic)).count());
                }
            }
            return assignments;
        }
    }

    /**
     * Waits until the group is stable and the service's own members (at least one) hold {@code partitions}
     * partitions of the topic between them.
     */
    public void awaitOthersHold(int partitions, Duration timeout) {
        awaitServiceHolds(bootstrapServers, group, topic, partitions, timeout);
    }

    /** {@link #awaitOthersHold} after the holders left: the service's members hold {@code partitions}. */
    public static void awaitServiceHolds(String bootstrapServers, String group, String topic, int partitions,
            Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                        .get(10, TimeUnit.SECONDS).get(group);
                if (description.groupState() != GroupState.STABLE) {
                    return false;
                }
            }
            Map<String, Integer> now = serviceAssignments(bootstrapServers, group, topic);
            return !now.isEmpty() && now.values().stream().mapToInt(Integer::intValue).sum() == partitions;
        });
    }

    /** Leaves the group: the partitions go back to the service at the next rebalance. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }
}
