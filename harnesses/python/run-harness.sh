#!/bin/sh
# The command the conformance runner starts: speaks protocol v1 on stdin/stdout.
# Debian's interpreter on purpose: install.sh puts PyJWT and cryptography there, not in
# whatever python3 happens to be first on PATH.
exec /usr/bin/python3 "$(dirname "$0")/harness.py" "$@"
