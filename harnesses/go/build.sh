#!/bin/sh
# Build the Go harness: installs Go (install.sh), then `go build` into harnesses/go/bin/.
# Usage: harnesses/go/build.sh   (from anywhere; root or sudo for the install)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
sh "$here/install.sh" >&2
. "$here/env.sh"
cd "$here"
go build -trimpath -o bin/ect-harness ./cmd/ect-harness
echo "harness-go: built $here/bin/ect-harness" >&2
