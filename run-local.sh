#!/usr/bin/env bash
# Runs the whole Verbatim cluster locally on embedded defaults: builds what is needed, starts a real Kafka broker
# (KRaft) and PostgreSQL with their data under .verbatim-data/, starts the three services, submits the samples and
# prints each new statement. Ctrl-C stops everything. Settings: deploy/local-cluster/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./mvnw -B -q -DskipTests package
exec java -Dverbatim.home="$PWD" -cp "deploy/local-cluster/target/local-cluster.jar:deploy/local-cluster/target/lib/*" \
  io.verbatim.local.RunLocalCommand "$@"
