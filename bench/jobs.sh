#!/usr/bin/env bash
# Throughput of run --jobs: the whole corpus through a harness that spends ECT_BENCH_DELAY_MS
# (default 10) per case, with --jobs 1 and --jobs 2, and the ratio of the two from this one run;
# then the runner's own cost per case, through the same harness with no delay. Throughput is taken
# over the run itself (results.json run_info.duration_ms: harnesses started, every case sent and
# judged); the wall time around it (process start, loading the corpus, writing reports) is printed too.
# Usage: bench/jobs.sh [DELAY_MS]
set -euo pipefail
cd "$(dirname "$0")/.."
delay="${1:-10}"
dotnet build src/Ect.Conformance.Cli -c Release --nologo -v quiet > /dev/null
harness="python3 -B bench/jobs/timed_harness.py"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# seconds NAME JOBS DELAY: wall time of one run (the exit status is 1: the harness answers unknown)
seconds() {
    local start end
    start=$(date +%s.%N)
    ECT_BENCH_DELAY_MS="$3" dotnet src/Ect.Conformance.Cli/bin/Release/net10.0/ect-conformance.dll run \
        --harness "$harness" --vectors vectors --jobs "$2" --report-dir "$out/$1" > "$out/$1.log" || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

one=$(seconds j1 1 "$delay")
two=$(seconds j2 2 "$delay")
runs=$(python3 -c "import json;print(len(json.load(open('$out/j1/results.json'))['runs']))")
free=$(seconds free 1 0)
# run NAME: the run phase in seconds, from the results document
run() { python3 -c "import json;print(json.load(open('$out/$1/results.json'))['run_info']['duration_ms']/1000)"; }
r1=$(run j1); r2=$(run j2); rfree=$(run free)
printf 'jobs: %d runs, %s ms per case\n' "$runs" "$delay"
printf '  --jobs 1: run %.2f s (%.0f runs/s), wall %.2f s\n' "$r1" "$(echo "$runs / $r1" | bc -l)" "$one"
printf '  --jobs 2: run %.2f s (%.0f runs/s), wall %.2f s\n' "$r2" "$(echo "$runs / $r2" | bc -l)" "$two"
printf '  throughput ratio --jobs 2 / --jobs 1: %.2fx over the run, %.2fx over the wall time\n' "$(echo "$r1 / $r2" | bc -l)" "$(echo "$one / $two" | bc -l)"
printf '  runner cost through a harness that does nothing: %.3f ms per case over the run (%.2f s for %d runs; wall %.2f s with start-up and reports)\n' \
    "$(echo "$rfree * 1000 / $runs" | bc -l)" "$rfree" "$runs" "$free"
