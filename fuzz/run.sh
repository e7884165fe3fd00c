#!/usr/bin/env bash
# Fuzzes the ECT engine and the conformance runner with SharpFuzz and afl++ (see fuzz/README.md).
#
#   fuzz/run.sh TARGET SECONDS        fuzz one target for SECONDS
#   fuzz/run.sh all SECONDS           every target, one after the other, SECONDS each
#   fuzz/run.sh smoke SECONDS         CI: every target for SECONDS each (about 30); fails on any crash or hang
#   fuzz/run.sh repro TARGET FILE...  runs inputs through a target outside AFL, with the exception and stack trace
#   fuzz/run.sh list                  the target names
#
# Every fuzzing mode exits 1 when afl-fuzz saved a crash or a hang (afl-fuzz itself exits 0 even then),
# and prints how to reproduce each one and how to keep it as a regression input.
#
# Environment:
#   FUZZ_JOBS=N          afl-fuzz instances per target: one main (-M) and N-1 secondaries (-S); default 1
#   FUZZ_PARALLEL=N      all/smoke: fuzz N targets at a time (default 1); use at most one instance a core
#   FUZZ_TIMEOUT_MS=MS   per-input time limit; an input over it is a hang (default 5000)
#   FUZZ_ARTIFACTS=DIR   dotnet's artifacts folder, kept apart from other builds (default /tmp/art-fuzz)
#   FUZZ_VERBOSE=1       show afl-fuzz's status lines instead of only the summary
#   FUZZ_RESUME=1        continue from the previous findings of a target instead of starting afresh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
findings_root="$here/findings"
tools="$here/.tools"
art="${FUZZ_ARTIFACTS:-/tmp/art-fuzz}"
project="$here/Ect.Fuzz/Ect.Fuzz.csproj"
jobs="${FUZZ_JOBS:-1}"
timeout_ms="${FUZZ_TIMEOUT_MS:-5000}"
sharpfuzz_version=2.3.0

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# afl-fuzz settings measured on this project's machines (design/toolchain.md section 6):
# dotnet is not an AFL binary (SKIP_BIN_CHECK); containers have no cpufreq, affinity or core_pattern control.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1
# The .NET runtime starts in about a second, slower on a loaded CI machine.
export AFL_FORKSRV_INIT_TMOUT=60000
# A seed that crashes again (a regression) must not stop the campaign; the replay tests report it.
export AFL_SKIP_CRASHES=1

log() { printf '%s\n' "$*" >&2; }
die() { log "fuzz: $*"; exit 2; }

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

ensure_afl() {
    command -v afl-fuzz >/dev/null && return
    log "fuzz: afl-fuzz not found; installing afl++ with apt-get"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "afl++ is missing and this user cannot install it: apt-get install -y afl++"
        sudo="sudo"
    fi
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq afl++ >&2
    command -v afl-fuzz >/dev/null || die "afl++ was installed but afl-fuzz is not on PATH"
}

ensure_sharpfuzz() {
    [ -x "$tools/sharpfuzz" ] && return
    log "fuzz: installing SharpFuzz.CommandLine $sharpfuzz_version into $tools"
    dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$tools" >&2
}

# One clean Release publish; every target gets its own copy to instrument, because sharpfuzz
# refuses an assembly it has already instrumented.
publish() {
    log "fuzz: publishing $project"
    rm -rf "$out/build"
    dotnet publish "$project" -c Release -o "$out/build" --artifacts-path "$art" --nologo -v quiet >&2 \
        || die "publish failed"
}

fuzz_dll() { dotnet "$out/build/Ect.Fuzz.dll" "$@"; }

targets() { fuzz_dll list; }

info() { fuzz_dll info "$1" | sed -n "s/^$2: //p"; }

check_target() {
    targets | grep -qx -- "$1" || die "unknown target \"$1\"; targets: $(targets | tr '\n' ' ')"
}

# Seeds: generated (hand-built inputs and the vector corpus), the committed extras in corpora/,
# and the regression inputs, which are the best seeds of all. Known, unfixed findings stay out.
make_corpus() {
    rm -rf "$out/corpus"
    fuzz_dll seed "$out/corpus" "$root/vectors" >&2
    local t
    for t in $(targets); do
        local dir
        for dir in "$here/corpora/$t" "$here/regressions/$t"; do
            [ -d "$dir" ] || continue
            find "$dir" -maxdepth 1 -type f ! -name '*.md' -exec cp {} "$out/corpus/$t/" \;
        done
    done
}

instrument() {
    local t="$1" dir="$out/targets/$1"
    rm -rf "$dir"
    mkdir -p "$dir"
    cp -r "$out/build" "$dir/bin"
    local asm
    for asm in $(info "$t" assemblies); do
        "$tools/sharpfuzz" "$dir/bin/$asm" >&2 || die "sharpfuzz could not instrument $asm"
    done
}

stat_of() { sed -n "s/^$2 *: *//p" "$1" | head -n1; }

# Runs afl-fuzz on one target; prints a summary line; returns 1 on any crash, hang or failure to run.
fuzz_target() {
    local t="$1" seconds="$2"
    local findings="$findings_root/$t" dicts=() d
    for d in $(info "$t" dictionaries); do dicts+=(-x "$here/dictionaries/$d"); done
    local input=(-i "$out/corpus/$t")
    if [ "${FUZZ_RESUME:-0}" = 1 ] && [ -d "$findings" ]; then
        input=(-i -)
    else
        rm -rf "$findings.previous"
        [ -d "$findings" ] && mv "$findings" "$findings.previous"
    fi
    mkdir -p "$findings"
    instrument "$t"
    log "fuzz: $t for ${seconds}s ($jobs instance(s)), findings in ${findings#"$root"/}"

    local pids=() i name role
    for ((i = 0; i < jobs; i++)); do
        if [ "$i" -eq 0 ]; then name=main; role=-M; else name="secondary$i"; role=-S; fi
        afl-fuzz "${input[@]}" -o "$findings" "$role" "$name" "${dicts[@]}" -t "$timeout_ms" -m none -V "$seconds" \
            -- "$(command -v dotnet)" "$out/targets/$t/bin/Ect.Fuzz.dll" fuzz "$t" >"$findings/$name.log" 2>&1 &
        pids+=($!)
    done
    if [ "${FUZZ_VERBOSE:-0}" = 1 ]; then
        tail -n +1 -f "$findings/main.log" --pid "${pids[0]}" >&2 || true
    fi
    local status=0 pid
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done

    local stats execs=0 paths=0 crashes=0 hangs=0 done_total=0 ok=1
    for ((i = 0; i < jobs; i++)); do
        if [ "$i" -eq 0 ]; then name=main; else name="secondary$i"; fi
        stats="$findings/$name/fuzzer_stats"
        if [ ! -f "$stats" ]; then
            ok=0
            log "fuzz: $t/$name did not run; the end of its log:"
            tail -n 25 "$findings/$name.log" >&2
            continue
        fi
        execs=$(awk -v a="$execs" -v b="$(stat_of "$stats" execs_per_sec)" 'BEGIN { printf "%.0f", a + b }')
        done_total=$((done_total + $(stat_of "$stats" execs_done)))
        paths=$((paths > $(stat_of "$stats" corpus_count) ? paths : $(stat_of "$stats" corpus_count)))
        crashes=$((crashes + $(stat_of "$stats" saved_crashes)))
        hangs=$((hangs + $(stat_of "$stats" saved_hangs)))
    done
    printf '%-14s %6s exec/s  %5s paths  %3s crashes  %3s hangs  (%s execs, %s s, %s instance(s))\n' \
        "$t" "$execs" "$paths" "$crashes" "$hangs" "$done_total" "$seconds" "$jobs" | tee -a "$findings_root/summary.txt"

    local files
    files=$(find "$findings" -path '*/crashes/id:*' -o -path '*/hangs/id:*' 2>/dev/null | sort)
    if [ -n "$files" ]; then
        log ""
        log "fuzz: $t saved crashes or hangs. Reproduce and keep each one:"
        local f
        while IFS= read -r f; do
            log "  fuzz/run.sh repro $t '${f#"$root"/}'"
            log "  cp '${f#"$root"/}' fuzz/regressions/$t/<what-it-shows>   # then fix, and run the tests"
        done <<<"$files"
        return 1
    fi
    [ "$status" -eq 0 ] && [ "$ok" -eq 1 ] || { log "fuzz: afl-fuzz failed for $t (exit $status)"; return 1; }
    return 0
}

run_many() {
    local seconds="$1"
    shift
    local failed=() t parallel="${FUZZ_PARALLEL:-1}"
    if [ "$parallel" -le 1 ]; then
        for t in "$@"; do
            fuzz_target "$t" "$seconds" || failed+=("$t")
        done
    else
        # Targets share nothing but the published build and the seeds, both ready by now.
        local -A running=()
        local pid
        for t in "$@"; do
            while [ "${#running[@]}" -ge "$parallel" ]; do
                wait -n || true
                for pid in "${!running[@]}"; do
                    kill -0 "$pid" 2>/dev/null && continue
                    wait "$pid" || failed+=("${running[$pid]}")
                    unset "running[$pid]"
                done
            done
            fuzz_target "$t" "$seconds" &
            running[$!]="$t"
        done
        for pid in "${!running[@]}"; do
            wait "$pid" || failed+=("${running[$pid]}")
        done
    fi
    log ""
    log "fuzz: summary (also in fuzz/findings/summary.txt)"
    tail -n "$#" "$findings_root/summary.txt" >&2
    if [ "${#failed[@]}" -gt 0 ]; then
        log "fuzz: FAILED: ${failed[*]}"
        return 1
    fi
    log "fuzz: no crashes or hangs"
}

is_seconds() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }

cd "$root"
[ $# -ge 1 ] || usage
case "$1" in
    -h | --help | help) usage ;;
    list)
        publish
        targets
        ;;
    repro)
        [ $# -ge 3 ] || usage
        publish
        check_target "$2"
        t="$2"
        shift 2
        fuzz_dll repro "$t" "$@"
        ;;
    all | smoke)
        [ $# -eq 2 ] && is_seconds "$2" || usage
        ensure_afl
        ensure_sharpfuzz
        publish
        make_corpus
        mkdir -p "$findings_root"
        mapfile -t all_targets < <(targets)
        run_many "$2" "${all_targets[@]}"
        ;;
    *)
        [ $# -eq 2 ] && is_seconds "$2" || usage
        ensure_afl
        ensure_sharpfuzz
        publish
        check_target "$1"
        make_corpus
        mkdir -p "$findings_root"
        run_many "$2" "$1"
        ;;
esac
