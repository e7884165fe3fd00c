#!/usr/bin/env bash
# Runs the conformance vectors against the TypeScript implementation through its
# protocol-v1 harness, holding it to its known deviations (expectations.yaml beside this
# script). Builds the harness first (build.sh: npm ci + tsc), then the repository's runner.
# Extra arguments go to `ect-conformance run`, e.g. --topic dag, or --update-expectations
# after a deliberate change (then replace every "TODO: explain" in expectations.yaml).
# Reports: reports/harness-typescript/. Exit status: 0 every run passed or matched its
# expectation, 1 some did not, 2 the run could not be carried out.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
if ! harness_log=$("$here/build.sh" 2>&1); then
    printf '%s\n' "$harness_log" >&2
    echo "run-conformance.sh: the harness build failed" >&2
    exit 2
fi
if ! build_log=$(dotnet build src/Ect.Conformance.Cli -c Release --nologo -v quiet 2>&1); then
    printf '%s\n' "$build_log" >&2
    echo "run-conformance.sh: the build failed" >&2
    exit 2
fi
exec dotnet run --project src/Ect.Conformance.Cli -c Release --no-build -- run \
    --harness "node harnesses/typescript/dist/harness.js" \
    --vectors vectors \
    --expectations harnesses/typescript/expectations.yaml \
    --report-dir "${ECT_REPORT_DIR:-reports/harness-typescript}" "$@"
