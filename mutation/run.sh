#!/usr/bin/env bash
# The mutation score of the reference engine against the vector corpus (docs/mutation.md).
#
# Stryker.NET mutates src/Ect one folder at a time; the test suite is tests/Ect.Mutation.Tests,
# whose one test runs every vector on the engine through the runner and the judge, so a mutant
# survives exactly when no vector notices it.
#
# Usage: mutation/run.sh [--fresh] [--concurrency N] [FOLDER ...]
#   FOLDER   Ledger Migration Replay Dag Parsing Verification (the default: all six, smallest first)
#   --fresh  test every mutant of each folder again, whatever the last report says
#
# Incremental: a folder's last report (mutation/out/FOLDER/mutation-report.json) is kept with a fingerprint of the
# engine sources and the test (report.py fingerprint: comment and blank lines and the ignore-methods list left out,
# since they cannot change what a mutant does) and the corpus content_hash it was made with. If the fingerprint
# changed, the folder is tested in full. Otherwise the report is first carried onto today's lines (comments may have
# moved them), and if the corpus or the comments changed, only some mutants are tested again, through --mutate spans,
# and merged into the report: those it had not detected (more vectors can kill more mutants but cannot revive a
# killed one while the engine and the test are unchanged), and the detected ones on lines a Stryker comment or an
# ignored method may now cover (the merge names any detected mutant a comment would hide). If nothing changed, the
# folder is not run. Stryker's own --with-baseline cannot serve here: it re-tests only mutants in changed files of the
# mutated or test project, and the corpus lies in neither, so new vectors would never be tried on old survivors.
#
# The folders that need a full run are tested in one Stryker run (one build and one initial test
# run), and so are the survivors to test again; the reports are then read per folder. Reports
# (JSON, HTML, log, summary.tsv) go to mutation/out/ (git-ignored). Runs under nice; all six
# folders take about 21 minutes on two idle cores, and hours when other builds keep them busy.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/mutation/out
fresh=0
concurrency=1
folders=()
while (($#)); do
  case $1 in
    --fresh) fresh=1 ;;
    --concurrency) concurrency=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;p}' "$0"; exit 0 ;;
    Ledger|Migration|Replay|Dag|Parsing|Verification) folders+=("$1") ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
((${#folders[@]})) || folders=(Ledger Migration Replay Dag Parsing Verification)

corpus_hash() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["content_hash"])' "$1"; }
# Every engine source and the test itself, less what cannot change a mutant's fate (comments, blank lines, the
# ignore-methods list): a change anywhere else in them can change which mutants a vector kills.
engine_hash() { python3 mutation/report.py fingerprint src/Ect tests/Ect.Mutation.Tests; }

dotnet tool restore >/dev/null
mkdir -p "$out"
# The corpus as it is now: the test reads this copy (ECT_MUTATION_VECTORS), so regenerating vectors/ during a run changes nothing.
snapshot=$out/ect-vectors.$$.json
cp vectors/dist/ect-vectors.json "$snapshot"
trap 'rm -f "$snapshot"' EXIT
export ECT_MUTATION_VECTORS=$snapshot
corpus=$(corpus_hash "$snapshot")
engine=$(engine_hash)

# stryker WHAT OUTPUT PATTERN...: one Stryker run over the mutants the patterns select.
stryker() {
  local what=$1 output=$2
  shift 2
  local mutate=()
  for pattern in "$@"; do mutate+=(--mutate "$pattern"); done
  rm -rf "$output"
  (cd tests/Ect.Mutation.Tests &&
    nice -n 15 dotnet stryker --skip-version-check --concurrency "$concurrency" --output "$output" "${mutate[@]}") \
    >"$output.log" 2>&1 || { echo "$what: Stryker failed, see $output.log" >&2; return 1; }
  # Stryker writes its reports below OUTPUT/reports.
  test -f "$output/reports/mutation-report.json" || { echo "$what: no report in $output, see $output.log" >&2; return 1; }
}

# Sort the folders: unchanged, only the corpus changed (retest what survived), or tested in full.
full=() partial=() patterns=()
for folder in "${folders[@]}"; do
  dir=$out/$folder
  last_engine='' last_corpus=''
  if ((fresh == 0)) && [[ -f $dir/mutation-report.json && -f $dir/state ]]; then
    read -r last_engine last_corpus <"$dir/state"
  fi
  moved=0
  # Comments may have moved lines or added Stryker comments since the report: put it on today's lines first.
  [[ $last_engine == "$engine" ]] && moved=$(python3 mutation/report.py carry "$dir/mutation-report.json" src/Ect)
  if [[ $last_engine == "$engine" && $last_corpus == "$corpus" && $moved == 0 ]]; then
    echo "$folder: unchanged since the last report"
  elif [[ $last_engine == "$engine" ]]; then
    mapfile -t retest < <(python3 mutation/report.py retest "$dir/mutation-report.json" "$folder" tests/Ect.Mutation.Tests/stryker-config.json)
    echo "$folder: the corpus or the comments changed; ${#retest[@]} file(s) hold mutants to test again"
    partial+=("$folder")
    patterns+=("${retest[@]}")
  else
    echo "$folder: every mutant is tested"
    full+=("$folder")
  fi
done

# One Stryker run for all the folders tested in full (one build and one initial test run instead of one per folder).
if ((${#full[@]})); then
  globs=()
  for folder in "${full[@]}"; do globs+=("**/src/Ect/$folder/**/*.cs"); done
  echo "testing ${full[*]} (log: $out/full.log)"
  stryker "${full[*]}" "$out/full" "${globs[@]}"
  for folder in "${full[@]}"; do
    rm -rf "${out:?}/$folder"
    mkdir -p "$out/$folder"
    cp "$out/full/reports/mutation-report.json" "$out/full/reports/mutation-report.html" "$out/$folder/"
    echo "$engine $corpus" >"$out/$folder/state"
  done
fi

# One Stryker run for the survivors of every folder whose engine is unchanged but whose corpus is not.
if ((${#patterns[@]})); then
  echo "testing the survivors of ${partial[*]} again (log: $out/partial.log)"
  stryker "${partial[*]}" "$out/partial" "${patterns[@]}"
fi
for folder in "${partial[@]}"; do
  if ((${#patterns[@]})); then
    python3 mutation/report.py merge "$out/$folder/mutation-report.json" "$out/partial/reports/mutation-report.json" "$out/$folder/mutation-report.json"
    cp "$out/partial/reports/mutation-report.html" "$out/$folder/partial-report.html"
  fi
  echo "$engine $corpus" >"$out/$folder/state"
done

for folder in "${folders[@]}"; do
  python3 mutation/report.py summary "$out/$folder/mutation-report.json" "$folder" | tee "$out/$folder/summary.tsv"
done

echo "corpus content_hash $corpus"
python3 mutation/report.py total "$out" "${folders[@]}"
