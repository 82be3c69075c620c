#!/usr/bin/env bash
# The full chaos run of docs/reliability.md: builds what is needed, then starts the whole cluster on loopback,
# feeds 2,000 corpus documents, kills every service three times, the broker and PostgreSQL once, injects poison,
# audits the result and prints the report (also written to testing/chaos/target/chaos-*/report.md). Exit code 0 only when
# every check passes. Settings override the defaults, e.g. --documents=5000 --feed-rate=20 --seed=42; several
# runs one after the other: --seeds=39027,42,7 (those seeds) or --runs=5 (five fresh seeds).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -B -q -DskipTests -pl testing/chaos -am package
exec java -Dverbatim.home="$PWD" -jar testing/chaos/target/chaos.jar "$@"
