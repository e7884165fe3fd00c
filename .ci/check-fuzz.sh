#!/usr/bin/env bash
# Differential fuzzing of the Python example against the reference engine: a fixed seed for about
# 15,000 cases (a fixed count, so the check does not depend on how fast the machine is; about a
# minute). Any disagreement fails the check, a diagnosis one too (--strict-diagnosis: the Python
# example shows none at this seed, and a seed replays the same answers every run); the findings
# (shrunk, as vectors) and the JSON and Markdown reports are kept in .ci/logs/fuzz-python/.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
sh harnesses/python/install.sh >&2
dotnet build src/Ect.Conformance.Cli -c Release --nologo -v quiet
dotnet run --project src/Ect.Conformance.Cli -c Release --no-build -- \
    fuzz --harness harnesses/python/run-harness.sh --seed "${ECT_FUZZ_SEED:-20260101}" --cases "${ECT_FUZZ_CASES:-15000}" \
    --strict-diagnosis --out .ci/logs/fuzz-python
