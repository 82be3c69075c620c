package io.verbatim.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RealInfrastructureTest {

    @Test
    void brokerAcceptsAndDeliversAKeyedRecord() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopics(List.of("smoke"));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer()); TopicReader reader = new TopicReader(broker.bootstrapServers(), "smoke")) {
            producer.send(new ProducerRecord<>("smoke", "doc-1", "hello")).get();

            var records = reader.awaitRecords(1, r -> "doc-1".equals(r.key()), Duration.ofSeconds(30));

            assertThat(records).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("hello"));
        }
    }

    @Test
    void postgresServesAFreshDatabase() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase("smoke");

        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), PostgresServer.USERNAME,
                PostgresServer.PASSWORD); ResultSet rs = connection.createStatement().executeQuery("select version()")) {
            rs.next();

            assertThat(rs.getString(1)).startsWith("PostgreSQL 17");
        }
    }
}
