#!/usr/bin/env bash
# Checks that the Kubernetes manifests build: the kustomize base and the local overlay.
# Needs only kubectl (its built-in kustomize); no cluster is contacted.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

kubectl kustomize deploy/k8s/base >/dev/null
kubectl kustomize deploy/k8s/overlays/local >/dev/null
echo "deploy/k8s: base and local overlay build"
