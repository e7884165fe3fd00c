#!/usr/bin/env bash
# Builds what implementers download, into out/release/:
#   out/release/RID/ect-conformance   self-contained single-file binaries (no .NET SDK or runtime needed),
#                                     the vector corpus built in; default RID linux-x64
#   out/release/packages/*.nupkg      the .NET tool package Ect.Conformance.Cli (corpus built in too)
# Usage: ./release.sh [RID ...]        e.g. ./release.sh linux-x64 linux-arm64 osx-arm64 win-x64
# The runtime packs for each RID come from NuGet on the first build.
set -euo pipefail
cd "$(dirname "$0")"
out="$PWD/out/release"
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64)

# The corpus inside the binaries is the committed bundle; refuse to ship one the generator would not write.
dotnet run --project src/Ect.Vectors -c Release -- check

for rid in "${rids[@]}"; do
    dotnet publish src/Ect.Conformance.Cli -c Release --nologo -v quiet \
        -r "$rid" --self-contained true \
        -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
        -p:PackAsTool=false -o "$out/$rid"
    rm -f "$out/$rid"/*.xml   # API docs of the libraries; the binary needs none
    echo "release: $out/$rid/$(ls "$out/$rid" | grep "^ect-conformance" | head -n 1)"
done

dotnet pack src/Ect.Conformance.Cli -c Release --nologo -v quiet -o "$out/packages"
echo "release: $(ls "$out"/packages/*.nupkg)"
