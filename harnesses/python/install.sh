#!/bin/sh
# Install what the Python harness needs: Debian's python3 with PyJWT and cryptography.
# Idempotent: does nothing (not even `apt-get update`) when they are already importable.
# Debian 12 ships PyJWT 2.6 and cryptography 38, which is what the harness is tested with.
set -eu

PYTHON=/usr/bin/python3

if [ -x "$PYTHON" ] && "$PYTHON" -c 'import jwt.algorithms, cryptography' 2>/dev/null; then
    echo "harness-python: python3-jwt and python3-cryptography already installed"
    exit 0
fi

# CI runs this as root; elsewhere fall back to sudo.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends python3 python3-jwt python3-cryptography

"$PYTHON" -c 'import jwt, cryptography; print("harness-python: PyJWT", jwt.__version__, "cryptography", cryptography.__version__)'
