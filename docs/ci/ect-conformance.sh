#!/usr/bin/env bash
# The ECT conformance check for an implementation's CI, on any CI system (GitHub Actions: see
# github-actions.yml beside this file). Copy it into your repository and set:
#
#   ECT_HARNESS             your harness command line (required), e.g. "./bin/ect-harness"
#   ECT_EXPECTATIONS        your expectations file of known deviations (optional)
#   ECT_CONFORMANCE_BIN     a runner binary already on the machine, or else:
#   ECT_CONFORMANCE_URL     where to download the pinned single-file runner from (your mirror of a release)
#   ECT_CONFORMANCE_SHA256  its SHA-256 (checked when set; set it)
#   ECT_CORPUS_VERSION      the corpus version the runner must carry (optional; checked against --version)
#   ECT_BASELINE            results.json of your main branch's last run, or a published all-results.json,
#                           to compare against (optional); ECT_BASELINE_IMPLEMENTATION picks one in the latter
#   ECT_OUT                 where the reports go (default: ect-conformance-reports)
#   ECT_FUZZ_CASES          when set, also run `fuzz` for this many cases with seed ECT_FUZZ_SEED (default 1)
#                           if the runner has that command
#
# Writes ECT_OUT/results.json, report.html, report.md, junit.xml and, with a baseline,
# ECT_OUT/comparison.md (regressions first: paste it into a step summary or a pull-request comment).
# Exit status: 0 conformant as expected and nothing got worse, 1 a deviation or a regression, 2 could not run.
set -uo pipefail

: "${ECT_HARNESS:?set ECT_HARNESS to your harness command line}"
out="${ECT_OUT:-ect-conformance-reports}"
mkdir -p "$out"

runner="${ECT_CONFORMANCE_BIN:-}"
if [ -z "$runner" ]; then
    : "${ECT_CONFORMANCE_URL:?set ECT_CONFORMANCE_BIN, or ECT_CONFORMANCE_URL to download the runner}"
    runner="$out/ect-conformance"
    if ! curl -fsSL -o "$runner" "$ECT_CONFORMANCE_URL"; then
        echo "ect-conformance.sh: cannot download $ECT_CONFORMANCE_URL" >&2
        exit 2
    fi
    chmod +x "$runner"
fi

if [ -n "${ECT_CONFORMANCE_SHA256:-}" ] && ! echo "$ECT_CONFORMANCE_SHA256  $runner" | sha256sum -c --quiet -; then
    echo "ect-conformance.sh: $runner does not have the pinned SHA-256" >&2
    exit 2
fi

version="$("$runner" --version)" || { echo "ect-conformance.sh: $runner does not run" >&2; exit 2; }
echo "$version"
if [ -n "${ECT_CORPUS_VERSION:-}" ] && ! grep -q "^corpus $ECT_CORPUS_VERSION:" <<< "$version"; then
    echo "ect-conformance.sh: the runner carries another corpus than $ECT_CORPUS_VERSION" >&2
    exit 2
fi

args=(run --harness "$ECT_HARNESS" --report-dir "$out")
[ -n "${ECT_EXPECTATIONS:-}" ] && args+=(--expectations "$ECT_EXPECTATIONS")
"$runner" "${args[@]}"
status=$?
[ "$status" -eq 2 ] && exit 2

if [ -n "${ECT_BASELINE:-}" ]; then
    compare=(compare --format markdown "$ECT_BASELINE" "$out/results.json")
    [ -n "${ECT_BASELINE_IMPLEMENTATION:-}" ] && compare+=(--implementation "$ECT_BASELINE_IMPLEMENTATION")
    "$runner" "${compare[@]}" > "$out/comparison.md"
    compared=$?
    cat "$out/comparison.md"
    [ "$compared" -eq 2 ] && exit 2
    [ "$compared" -ne 0 ] && status=1
fi

if [ -n "${ECT_FUZZ_CASES:-}" ] && "$runner" fuzz --help > /dev/null 2>&1; then
    "$runner" fuzz --harness "$ECT_HARNESS" --cases "$ECT_FUZZ_CASES" --seed "${ECT_FUZZ_SEED:-1}" --out "$out/fuzz"
    fuzzed=$?
    [ "$fuzzed" -eq 2 ] && exit 2
    [ "$fuzzed" -ne 0 ] && status=1
fi

exit "$status"
