#!/bin/sh
# Install what the Go harness needs: Debian's golang-go (Go 1.19 on Debian 12). The module
# has no dependencies, so nothing is fetched from a module proxy.
# Idempotent: does nothing (not even `apt-get update`) when a go command is already installed.
set -eu

if command -v go >/dev/null 2>&1; then
    echo "harness-go: $(go version) already installed"
    exit 0
fi

# CI runs this as root; elsewhere fall back to sudo.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends golang-go

echo "harness-go: $(go version)"
