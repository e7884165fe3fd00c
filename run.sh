#!/usr/bin/env bash
# The project's main job: the full vector suite against the reference engine, with a readable
# summary on the terminal and reports in reports/ (results.json, junit.xml, report.md, report.html).
# Extra arguments go to `ect-conformance run`, e.g.  ./run.sh --topic dag --fail-fast
# Exit status: 0 every run passed, 1 some did not, 2 the run could not be carried out.
set -euo pipefail
cd "$(dirname "$0")"
# Quiet build: its log is shown only when it fails.
if ! build_log=$(dotnet build src/Ect.Conformance.Cli -c Release --nologo -v quiet 2>&1); then
    printf '%s\n' "$build_log" >&2
    echo "run.sh: the build failed" >&2
    exit 2
fi
exec dotnet run --project src/Ect.Conformance.Cli -c Release --no-build -- run --impl reference --vectors vectors "$@"
