#!/usr/bin/env bash
# Installs Debian's headless Chromium and its WebDriver (packages chromium and chromium-driver) when they are
# missing, for store-service's PagesBrowserTest. The test runs this script itself when it finds no browser, so that
# `./mvnw verify` needs nothing installed beforehand; .ci/run runs it too. Needs root (or sudo without a password)
# and Debian's package archive; prints what it did and exits non-zero when it could not install them.
set -euo pipefail
missing=()
for package in chromium chromium-driver; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "chromium and chromium-driver already installed"
  exit 0
fi
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "missing ${missing[*]}: run as root, or: sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
echo "installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}"
echo "installed ${missing[*]}"
