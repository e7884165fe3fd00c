#!/usr/bin/env bash
# The project's own results site: the reference engine's main-job results and every shipped
# harness's (Python, Go, TypeScript), as CI's earlier checks left them, built into .ci/logs/site/
# (the folder CI keeps). Open .ci/logs/site/index.html; api/all-results.json serves scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
results=()
for f in .ci/logs/reports/results.json reports/harness-python/results.json reports/harness-go/results.json reports/harness-typescript/results.json; do
    if [ -f "$f" ]; then results+=("$f"); else echo "publish-site: $f is missing (its check did not run or failed)" >&2; exit 1; fi
done
dotnet build src/Ect.Conformance.Cli -c Release --nologo -v quiet > /dev/null
dotnet run --project src/Ect.Conformance.Cli -c Release --no-build -- site "${results[@]}" --vectors vectors --out .ci/logs/site
test -s .ci/logs/site/index.html
test -s .ci/logs/site/api/all-results.json
echo "publish-site: .ci/logs/site/index.html"
