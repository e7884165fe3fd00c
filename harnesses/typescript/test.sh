#!/usr/bin/env bash
# Builds the TypeScript implementation (build.sh) and runs its unit tests with Node's
# built-in test runner: the strict JSON reader, the JWS layer, DAG, migration, creation
# and a full protocol session with the harness through a pipe. Exit status 0 when all pass.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/build.sh"
cd "$here"
exec node --test --test-reporter=spec dist/test/
