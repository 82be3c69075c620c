package io.verbatim.pipeline.bench;

import static io.verbatim.bench.RunReport.log;

import io.verbatim.bench.RunReport;
import io.verbatim.local.ClusterProcesses;

/**
 * The broker's own limit on the same machine: Kafka's producer and consumer perf tests with records of the
 * documents' average size, and the pipeline's rate next to theirs.
 */
final class RawKafkaPhase {

    private final ClusterProcesses cluster;
    private final Workload workload;
    private final BenchSettings settings;
    private final RunReport report;

    RawKafkaPhase(ClusterProcesses cluster, Workload workload, BenchSettings settings, RunReport report) {
        this.cluster = cluster;
        this.workload = workload;
        this.settings = settings;
        this.report = report;
    }

    void run(SaturationPhase.Result saturation) throws Exception {
        int recordSize = saturation != null ? (int) Math.round(saturation.averageBodyBytes())
                : (int) Math.round(workload.averageTemplateBytes());
        int records = settings.count("perf-records");
        KafkaPerfTools tools = new KafkaPerfTools(cluster.bootstrapServers(), cluster.logs());
        report.load("before raw Kafka");
        log("raw Kafka: producer perf test, %,d records of %,d bytes, acks=all", records, recordSize);
        KafkaPerfTools.Figures producer = tools.produce(records, recordSize);
        log("raw Kafka: consumer perf test");
        KafkaPerfTools.Figures consumer = tools.consume(records);
        report.load("after raw Kafka");
        String section = "Raw Kafka, same broker and machine (services idle), " + String.format("%,d", records)
                + " records of " + String.format("%,d", recordSize) + " bytes";
        report.put(section, "kafka-producer-perf-test (acks=all, idempotent, lz4)", String.format("%,.1f records/s, "
                + "%,.1f MB/s; latency %s", producer.recordsPerSecond(), producer.megabytesPerSecond(),
                producer.latency()));
        report.put(section, "kafka-consumer-perf-test (fetch.* figures)", String.format("%,.1f records/s, %,.1f MB/s",
                consumer.recordsPerSecond(), consumer.megabytesPerSecond()));
        if (saturation != null) {
            double pipelineMb = saturation.documentsPerSecond() * saturation.averageBodyBytes() / 1e6;
            report.put(section, "** pipeline / producer perf test **", String.format("%.4f of its records/s "
                    + "(%.1f× slower), %.4f of its MB/s", saturation.documentsPerSecond() / producer.recordsPerSecond(),
                    producer.recordsPerSecond() / saturation.documentsPerSecond(),
                    pipelineMb / producer.megabytesPerSecond()));
            report.put(section, "pipeline / consumer perf test", String.format("%.4f of its records/s (%.1f× slower)",
                    saturation.documentsPerSecond() / consumer.recordsPerSecond(),
                    consumer.recordsPerSecond() / saturation.documentsPerSecond()));
        }
    }
}
