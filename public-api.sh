#!/usr/bin/env bash
# Adds every public symbol that PROJECT declares but its PublicAPI files do not list (RS0016) to
# PROJECT/PublicAPI.Unshipped.txt, and prints the listed symbols that are gone (RS0017), which are
# written by hand as *REMOVED* lines. Review the diff: it is the change to the public surface.
# Usage: ./public-api.sh src/Ect        (or src/Ect.Conformance)
# (`dotnet format analyzers --diagnostics RS0016` applies the same code fix, but only while
# PublicAPI.Shipped.txt is still empty; the build reports the symbols in every case.)
set -euo pipefail
cd "$(dirname "$0")"
project=${1:?usage: ./public-api.sh PROJECT_FOLDER}
unshipped="$project/PublicAPI.Unshipped.txt"
output=$(dotnet build "$project" -c Release --nologo -v q --no-incremental -p:TreatWarningsAsErrors=false 2>&1 || true)
added=$(grep -o "RS0016: Symbol '[^']*'" <<<"$output" | sed "s/^RS0016: Symbol '//; s/'\$//" | sort -u || true)
if [[ -n "$added" ]]; then
    { head -n 1 "$unshipped"; { tail -n +2 "$unshipped"; echo "$added"; } | sort -u; } > "$unshipped.new"
    mv "$unshipped.new" "$unshipped"
    echo "added to $unshipped:"
    sed 's/^/  /' <<<"$added"
fi
removed=$(grep -o "RS0017: Symbol '[^']*'" <<<"$output" | sed "s/^RS0017: Symbol '//; s/'\$//" | sort -u || true)
if [[ -n "$removed" ]]; then
    echo "listed but gone (add each to $unshipped as *REMOVED*<line>):"
    sed 's/^/  /' <<<"$removed"
fi
if grep -q " error " <<<"$output"; then
    grep " error " <<<"$output" | grep -v "RS001[67]" | sort -u | head -20 || true
fi
