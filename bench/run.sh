#!/usr/bin/env bash
# Runs the benchmarks and leaves BenchmarkDotNet's JSON (and Markdown) reports in bench/results/<setting>.
#   bench/run.sh quick   ShortRun job, every benchmark (a few minutes)
#   bench/run.sh full    the default job, every benchmark (long; for the committed baseline)
#   bench/run.sh dry     one cold invocation each, in-process: proves they build and run (CI)
# Extra arguments go to BenchmarkDotNet, e.g. bench/run.sh quick --filter '*Verification*'.
# Then: dotnet run -c Release --project bench/Ect.Benchmarks -- compare bench/baseline bench/results/quick
set -euo pipefail
cd "$(dirname "$0")/.."
setting="${1:-quick}"
shift || true
case "$setting" in
  quick) job=(--job short) ;;
  full) job=() ;;
  dry) job=(--job dry --inProcess) ;;
  *) echo "usage: bench/run.sh quick|full|dry [BenchmarkDotNet arguments]" >&2; exit 2 ;;
esac
out="bench/results/$setting"
rm -rf "$out"
dotnet build -c Release --nologo -v quiet bench/Ect.Benchmarks >/dev/null
filter=(--filter '*')
for arg in "$@"; do [ "$arg" = "--filter" ] && filter=(); done
dotnet run -c Release --no-build --project bench/Ect.Benchmarks -- "${filter[@]}" "${job[@]}" \
  --exporters json markdown --artifacts "$out" "$@"
echo "reports: $out/results"
