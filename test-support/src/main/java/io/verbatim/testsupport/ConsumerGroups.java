package io.verbatim.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/** Waits on consumer groups: "the service has processed everything written so far" without sleeping. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Waits until {@code group} has committed offsets at the end of every partition of {@code topic}. */
    public static void awaitCaughtUp(String bootstrapServers, String group, String topic, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> lag(admin, group, topic) == 0);
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
