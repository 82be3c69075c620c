#!/bin/bash
# KAFKA_FOO_BAR=x becomes foo.bar=x (as in apache/kafka: "__" stands for "_", "___" for "-"), then the log
# directory is formatted once with CLUSTER_ID and the broker started.
set -euo pipefail
props=/opt/kafka/config/server.properties
: > "$props"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_LOG4J_OPTS|KAFKA_GC_LOG_OPTS|KAFKA_JMX_OPTS) continue ;;
    KAFKA_*) key="${name#KAFKA_}"; key="${key,,}"; key="${key//___/-}"; key="${key//__/@}"; key="${key//_/.}"
             printf '%s=%s\n' "${key//@/_}" "$value" >> "$props" ;;
  esac
done < <(env)
/opt/kafka/bin/kafka-run-class.sh kafka.tools.StorageTool format --ignore-formatted \
  --cluster-id "${CLUSTER_ID:?CLUSTER_ID is not set}" --config "$props"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m}" exec /opt/kafka/bin/kafka-run-class.sh kafka.Kafka "$props"
