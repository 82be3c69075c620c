package io.verbatim.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;

/** Waits on consumer groups: "the service has processed everything written so far" without sleeping. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Waits until {@code group} has committed offsets past every record of {@code topic} ({@link #unconsumed}). */
    public static void awaitCaughtUp(String bootstrapServers, String group, String topic, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> unconsumed(admin, bootstrapServers, group, topic) == 0);
        }
    }

    /**
     * Records of {@code topic} after {@code group}'s committed offsets, as a {@code read_committed} reader sees
     * them. Unlike {@link #lag}, a topic written in Kafka transactions can reach 0: each transaction ends in a
     * commit marker, which takes an offset but is no record, so a caught-up group stays one offset short of the
     * end of every partition such a transaction wrote to.
     */
    public static long unconsumed(Admin admin, String bootstrapServers, String group, String topic)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, Duration.ofSeconds(10));
            List<TopicPartition> behind = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata commit = committed.get(partition);
                if (commit == null) {
                    reader.seekToBeginning(List.of(partition));
                } else {
                    reader.seek(partition, commit.offset());
                }
                if (reader.position(partition, Duration.ofSeconds(10)) < ends.get(partition)) {
                    behind.add(partition);
                }
            }
            long records = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (behind.stream().anyMatch(p -> reader.position(p, Duration.ofSeconds(10)) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " from " + group
                            + "'s committed offsets to its end within 30 s");
                }
                records += reader.poll(Duration.ofMillis(200)).count();
            }
            return records;
        }
    }

    /** Records of {@code topic} not yet committed by {@code group}; partitions without a commit count in full. */
    public static long lag(Admin admin, String group, String topic) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            long end = ends.get(partition).offset();
            OffsetAndMetadata commit = committed.get(partition);
            lag += end - (commit == null ? 0 : commit.offset());
        }
        return lag;
    }
}
