#!/usr/bin/env bash
# Tests docs/ci/ect-conformance.sh, the recipe implementers copy into their CI, as they would use it:
# with the release binary (built by .ci/check-release.sh) downloaded from a URL and pinned by SHA-256,
# against the Python example and its expectations; then again with that run as the baseline (nothing
# got worse: exit 0, a comparison in markdown); then against a harness with planted bugs and the same
# baseline (a regression: exit 1, listed first); and with a wrong pin (exit 2).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
bin="$repo/out/release/linux-x64/ect-conformance"
[ -x "$bin" ] || ./release.sh linux-x64
sh harnesses/python/install.sh >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
recipe="$repo/docs/ci/ect-conformance.sh"

export ECT_CONFORMANCE_URL="file://$bin"
export ECT_CONFORMANCE_SHA256="$(sha256sum "$bin" | cut -d' ' -f1)"
export ECT_CORPUS_VERSION="$(cat vectors/VERSION)"
export ECT_HARNESS="/usr/bin/python3 $repo/harnesses/python/harness.py"
export ECT_EXPECTATIONS="$repo/harnesses/python/expectations.yaml"

ECT_OUT="$work/first" ECT_FUZZ_CASES=200 bash "$recipe"
test -s "$work/first/results.json"
test -s "$work/first/fuzz/fuzz-report.json"

ECT_OUT="$work/second" ECT_BASELINE="$work/first/results.json" bash "$recipe"
grep -qi "nothing got worse\|no regression" "$work/second/comparison.md"

set +e
ECT_OUT="$work/wrong" ECT_BASELINE="$work/first/results.json" ECT_HARNESS="/usr/bin/python3 $repo/tests/harness-wrong/wrong_harness.py" \
    ECT_EXPECTATIONS= bash "$recipe" > "$work/wrong.log" 2>&1
wrong=$?
ECT_OUT="$work/pin" ECT_CONFORMANCE_SHA256=0000000000000000000000000000000000000000000000000000000000000000 bash "$recipe" > "$work/pin.log" 2>&1
pin=$?
set -e
[ "$wrong" -eq 1 ] || { echo "a harness with planted bugs gave exit $wrong, not 1"; tail -20 "$work/wrong.log"; exit 1; }
grep -qi "regression" "$work/wrong/comparison.md"
[ "$pin" -eq 2 ] || { echo "a wrong SHA-256 pin gave exit $pin, not 2"; cat "$work/pin.log"; exit 1; }
echo "ci recipe: downloaded and pinned, compared (no change, then regressions first), refused a wrong pin"
