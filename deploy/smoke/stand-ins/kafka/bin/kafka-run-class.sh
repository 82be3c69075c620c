#!/bin/bash
# Runs one Kafka class with the image's jars, like the distribution's kafka-run-class.sh.
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
  ${KAFKA_OPTS} -cp '/opt/kafka/libs/*' "$@"
