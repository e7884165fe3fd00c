#!/usr/bin/env bash
# Check: report.html of a failing run works in a real browser. Runs the header vectors against a
# harness with planted bugs (tests/harness-wrong), renders the page in headless Chromium (installed
# by .ci/install-chromium.sh when missing) and checks what a reader needs: the contents, every failure
# entry with the accepted forgeries first, rule links that resolve, and the filters (set through the
# URL hash, as the tables' links do) showing only the matching entries. Leaves a screenshot.
# Usage: .ci/check-report-browser.sh [WORK_DIR]   (default: a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(realpath -m "${1:-$(mktemp -d)}")"
mkdir -p "$work"
.ci/install-chromium.sh > "$work/install.log" 2>&1 || { cat "$work/install.log"; exit 2; }
sh harnesses/python/install.sh >&2
dotnet build src/Ect.Conformance.Cli -c Release --nologo -v quiet > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 2; }
# Exit status 1 is the point: the planted bugs fail.
dotnet run --project src/Ect.Conformance.Cli -c Release --no-build -- run \
    --harness "/usr/bin/python3 tests/harness-wrong/wrong_harness.py" --topic header \
    --report-dir "$work/reports" > "$work/run.log" 2>&1 || [ $? -eq 1 ] || { cat "$work/run.log"; exit 2; }
page="file://$work/reports/report.html"

chromium() {
    /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir="$(mktemp -d)" "$@" 2> "$work/chromium.log"
}
chromium --dump-dom "$page" > "$work/plain.html"
chromium --dump-dom "$page#failures?kind=accepted-forgery" > "$work/forgeries.html"
chromium --dump-dom "$page#failures?rule=HDR-1&mode=00" > "$work/hdr-1-00.html"
# Of the page's top (headless Chromium captures a page scrolled by the script as blank).
chromium --window-size=1280,1600 --screenshot="$work/report.png" "$page" > /dev/null
echo "screenshot: $work/report.png"

python3 - "$work" <<'PY'
import html.parser, sys

class Page(html.parser.HTMLParser):
    """The failure entries (visible or hidden), ids, rule links and the #shown text of a dumped DOM."""
    def __init__(self, path):
        super().__init__()
        self.runs, self.ids, self.rule_links, self.toc, self.selects, self.shown, self._in_shown = [], set(), set(), False, set(), "", False
        self.feed(open(path, encoding="utf-8").read())
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a: self.ids.add(a["id"])
        if tag == "nav" and "toc" in (a.get("class") or ""): self.toc = True
        if tag == "select": self.selects.add(a.get("name"))
        if tag == "a" and (a.get("href") or "").startswith("#rule-"): self.rule_links.add(a["href"][1:])
        if tag == "div" and "data-key" in a: self.runs.append((a["data-key"], a.get("data-kind"), a.get("data-rule", "").split(), a.get("data-mode"), "hidden" in a))
        self._in_shown = a.get("id") == "shown"
    def handle_data(self, data):
        if self._in_shown: self.shown += data
    def handle_endtag(self, tag):
        self._in_shown = False

work = sys.argv[1]
failures = []
def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition: failures.append(what)

plain = Page(f"{work}/plain.html")
check(plain.toc and {"summary", "rules", "topics", "failures", "profile-rules"} <= plain.ids, "contents and its sections")
check({"kind", "outcome", "rule", "mode", "topic"} <= plain.selects, "filter controls")
check(len(plain.runs) == 11 and not any(r[4] for r in plain.runs), f"11 failure entries, all shown without a filter (got {len(plain.runs)})")
check([r[1] for r in plain.runs[:6]] == ["accepted-forgery"] * 6, "the six accepted forgeries come first")
check(plain.rule_links and plain.rule_links <= plain.ids, f"every rule link resolves inside the page ({len(plain.rule_links)} rules)")
check(plain.shown.strip() == "all 11 shown", f"count without a filter: {plain.shown.strip()!r}")

forgeries = Page(f"{work}/forgeries.html")
visible = [r for r in forgeries.runs if not r[4]]
check(len(visible) == 6 and all(r[1] == "accepted-forgery" for r in visible), f"#failures?kind=accepted-forgery shows only the 6 forgeries (shows {len(visible)})")
check(forgeries.shown.strip() == "6 of 11 shown", f"count with the filter: {forgeries.shown.strip()!r}")

cell = Page(f"{work}/hdr-1-00.html")
visible = [r for r in cell.runs if not r[4]]
check(len(visible) > 0 and all("HDR-1" in r[2] and r[3] == "00" for r in visible), f"#failures?rule=HDR-1&mode=00 shows only that cell's failures ({[r[0] for r in visible]})")
sys.exit(1 if failures else 0)
PY
