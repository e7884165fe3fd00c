#!/usr/bin/env bash
# Runs the conformance vectors against this Python implementation through its protocol-v1
# harness, holding it to its known deviations (expectations.yaml beside this script).
# Installs the harness's Debian dependencies first (install.sh; root or sudo).
# Extra arguments go to `ect-conformance run`, e.g. --topic dag, or --update-expectations
# after a deliberate change (then replace every "TODO: explain" in expectations.yaml).
# Reports: reports/harness-python/ (or $ECT_REPORT_DIR). Exit status: 0 every run passed or matched its expectation,
# 1 some did not, 2 the run could not be carried out.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
sh "$here/install.sh" >&2
if ! build_log=$(dotnet build src/Ect.Conformance.Cli -c Release --nologo -v quiet 2>&1); then
    printf '%s\n' "$build_log" >&2
    echo "run-conformance.sh: the build failed" >&2
    exit 2
fi
exec dotnet run --project src/Ect.Conformance.Cli -c Release --no-build -- run \
    --harness "/usr/bin/python3 harnesses/python/harness.py" \
    --expectations harnesses/python/expectations.yaml \
    --vectors vectors --report-dir "${ECT_REPORT_DIR:-reports/harness-python}" "$@"
