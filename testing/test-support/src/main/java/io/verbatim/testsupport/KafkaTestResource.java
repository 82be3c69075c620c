package io.verbatim.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared in-process Kafka broker and creates the contract's topics.
 * Use with {@code @QuarkusTestResource(KafkaTestResource.class)} or {@code @WithTestResource}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopics(ContractTopics.ALL);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker is shared by every test class of this JVM and stops at exit
    }
}
