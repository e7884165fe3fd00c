#!/usr/bin/env bash
# Builds the release (single-file linux-x64 binary and the tool package), then uses both as an
# implementer would: from a directory outside the clone, with no --vectors, so only the corpus built
# into them can be found. The binary runs the main job (the whole corpus against the reference engine).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
"$repo/release.sh" linux-x64

outside="$(mktemp -d)"
trap 'rm -rf "$outside"' EXIT
cp "$repo/out/release/linux-x64/ect-conformance" "$outside/"
cd "$outside"
./ect-conformance --version
./ect-conformance run --impl reference --report-dir "$outside/reports"
grep -q '"content_hash"\|"hash": "sha-256:' "$outside/reports/results.json"
test -s "$outside/reports/report.html"

# The tool package installs from a local feed and carries the same corpus.
dotnet tool install --tool-path "$outside/tools" Ect.Conformance.Cli --add-source "$repo/out/release/packages"
"$outside/tools/ect-conformance" --version | tee "$outside/tool-version.txt"
cmp <(./ect-conformance --version) "$outside/tool-version.txt"
echo "release check: binary and tool package both judge from outside the clone"
