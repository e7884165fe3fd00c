#!/usr/bin/env bash
# Check: the results.json of full runs is read by the standard tools scripts use, jq and Python's
# json module (a 20,000-deep echo once broke both, an escaped lone surrogate broke jq 1.6). Runs the
# corpus against the reference engine and against the Python harness (whose echoes are the deepest),
# then reads both files. Installs jq when missing (CI runs on a fresh Debian machine as root).
# Usage: .ci/check-results-readable.sh [WORK_DIR]   (default: a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v jq > /dev/null; then
    apt-get update -qq && apt-get install -y -qq jq > /dev/null
fi
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
sh harnesses/python/install.sh >&2
dotnet build src/Ect.Conformance.Cli -c Release --nologo -v quiet > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 2; }
cli() { dotnet run --project src/Ect.Conformance.Cli -c Release --no-build -- "$@"; }
# Exit status 1 (some run failed) still leaves a results file to read; 2 means no run.
cli run --impl reference --report-dir "$work/reference" > "$work/reference.log" || [ $? -eq 1 ]
cli run --harness "/usr/bin/python3 harnesses/python/harness.py" \
    --expectations harnesses/python/expectations.yaml --report-dir "$work/python" > "$work/python.log" || [ $? -eq 1 ]

status=0
for name in reference python; do
    file="$work/$name/results.json"
    runs=$(jq -e '.runs | length' "$file") || { echo "FAIL $name: jq $(jq --version) cannot read $file"; status=1; continue; }
    depth=$(jq '[paths | length] | max' "$file")
    elided=$(jq '[.. | objects | select(.elided == true)] | length' "$file")
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); assert len(d["runs"]) == int(sys.argv[2])' "$file" "$runs" \
        || { echo "FAIL $name: python3 json.load cannot read $file"; status=1; continue; }
    echo "ok $name: $runs runs, deepest path $depth levels, $elided elided echo(es); read by $(jq --version) and python3 json.load"
done
# The Python harness echoes the 20,000-deep unknown claim: its file must say the echo was bounded
# (cut to the kept depth by the runner, noted in actual_cut, or elided by the document), not drop it silently.
jq -e '[.runs[] | select(.id | startswith("hostile::nesting::arrays-20000")) | select(.actual_cut != null or ([.. | objects | select(.elided == true)] | length > 0))] | length > 0' \
    "$work/python/results.json" > /dev/null || { echo "FAIL python: the 20,000-deep echo is neither cut nor elided"; status=1; }
exit "$status"
