#!/usr/bin/env bash
# Runs the conformance vectors against ect-go through its protocol-v1 harness, holding it to its
# known deviations (expectations.yaml beside this script). Builds the harness first (build.sh,
# which installs Go: root or sudo), and the runner from this clone.
# Extra arguments go to `ect-conformance run`, e.g. --topic dag, or --update-expectations
# after a deliberate change (then replace every "TODO: explain" in expectations.yaml).
# ECT_CONFORMANCE=/path/to/ect-conformance uses that runner (a release binary, which carries
# the same corpus) instead of building src/Ect.Conformance.Cli; the vectors still come from
# this clone's vectors/.
# Reports: reports/harness-go/. Exit status: 0 every run passed or matched its expectation,
# 1 some did not, 2 the run could not be carried out.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
if ! sh "$here/build.sh" >&2; then
    echo "run-conformance.sh: the Go build failed" >&2
    exit 2
fi
args=(run --harness harnesses/go/bin/ect-harness
      --vectors vectors
      --expectations harnesses/go/expectations.yaml
      --report-dir "${ECT_REPORT_DIR:-reports/harness-go}" "$@")
if [ -n "${ECT_CONFORMANCE:-}" ]; then
    exec "$ECT_CONFORMANCE" "${args[@]}"
fi
if ! build_log=$(dotnet build src/Ect.Conformance.Cli -c Release --nologo -v quiet 2>&1); then
    printf '%s\n' "$build_log" >&2
    echo "run-conformance.sh: the build failed" >&2
    exit 2
fi
exec dotnet run --project src/Ect.Conformance.Cli -c Release --no-build -- "${args[@]}"
