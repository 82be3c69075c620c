#!/usr/bin/env bash
# Checks that docker-compose.yml parses and resolves with Debian's docker-compose (1.29).
# Needs no Docker engine: `config` only reads the file.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "docker-compose not found; installing it with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
fi

docker-compose -f docker-compose.yml config -q
# The monitoring profile (prometheus, grafana) must resolve as well.
docker-compose -f docker-compose.yml --profile monitoring config -q
echo "docker-compose.yml: valid"
