#!/usr/bin/env bash
# The results site in a real browser: results from four runs (the reference engine, the Python
# example, and two runs of a deliberately lax proxy of it, for accepted forgeries and a history),
# `ect-conformance site` over them, then headless Chromium renders the index, an implementation
# page and a case page, and grep checks that each shows what it must. Installs Debian's chromium
# when /usr/bin/chromium is missing (needs root). Leaves the site and screenshots in
# ${SITE_CHECK_DIR:-.ci/logs/site-check}.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${SITE_CHECK_DIR:-.ci/logs/site-check}"
rm -rf "$out" && mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [ ! -x /usr/bin/chromium ]; then
    apt-get update && apt-get install -y chromium
fi

dotnet build src/Ect.Conformance.Cli -c Release --nologo -v quiet
cli() { dotnet run --project src/Ect.Conformance.Cli -c Release --no-build -- "$@"; }
sh harnesses/python/install.sh >&2
py="/usr/bin/python3 harnesses/python/harness.py"
lax="/usr/bin/python3 .ci/site/lax_harness.py harnesses/python/harness.py"

# Exit 1 is expected from the lax runs (they fail cases); 2 would mean the run could not be done.
run() { local dir="$1"; shift; cli run --vectors vectors --report-dir "$out/$dir" "$@" > "$out/$dir.log" || [ $? -eq 1 ]; }
run ref --impl reference
run py --harness "$py"
run lax-1 --harness "$lax" --topic signature --topic dag --topic hash
run lax-2 --harness "$lax"
cli site "$out"/ref/results.json "$out"/py/results.json "$out"/lax-1/results.json "$out"/lax-2/results.json --vectors vectors --out "$out/site"

forgery=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next(i for i in d["implementations"] if i["name"]=="ect-py-lax")["latest"]["accepted_forgeries"][0])' "$out/site/api/all-results.json")
case_page=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["cases"][sys.argv[2].rsplit("@",1)[0]]["page"])' "$out/site/api/all-results.json" "$forgery")
echo "accepted forgery shown: $forgery ($case_page)"

render() { # render NAME PAGE: the page's DOM after scripts ran, and a screenshot
    local flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
                 --disable-component-update --disable-sync)
    timeout 120 chromium "${flags[@]}" --user-data-dir="$(mktemp -d)" --dump-dom "file://$out/site/$2" > "$out/$1.dom.html" 2> "$out/$1.chromium.log"
    timeout 120 chromium "${flags[@]}" --user-data-dir="$(mktemp -d)" --screenshot="$out/$1.png" --window-size=1280,900 "file://$out/site/$2" >> "$out/$1.chromium.log" 2>&1
}
render index index.html
render impl impl/ect-py-lax.html
render case "$case_page"

failed=0
expect() { # expect NAME TEXT: the rendered page holds TEXT
    if grep -qF -- "$2" "$out/$1.dom.html"; then echo "ok   $1: $2"; else echo "FAIL $1: missing $2"; failed=1; fi
}
for name in ect-conformance-reference ect-py-example ect-py-lax; do expect index "$name"; expect case "$name"; done
expect index 'id="topics"'
expect index 'id="rules"'
expect index '100.0%'
expect index 'badges/ect-py-lax-verdict.svg'
expect index 'class="num bad"'
expect impl 'class="chart"'
expect impl 'History (2 run(s))'
expect impl 'Accepted forgeries ('
expect impl "$forgery"
expect impl 'outcome: fail, reason:'
expect impl 'id="bug-'
expect case 'accepted forgery'
expect case 'Input'
[ "$failed" -eq 0 ] || { echo "check-site-browser: the rendered pages lack what they must show (DOMs in $out)"; exit 1; }
echo "check-site-browser: index, implementation and case pages render (screenshots in $out)"
