#!/usr/bin/env bash
# Runs every test of the project: the NUnit suites (engine, vectors, runner, properties).
# Usage: ./test.sh            (what CI runs)
set -euo pipefail
cd "$(dirname "$0")"
dotnet test Ect.Conformance.sln -c Release --nologo "$@"
