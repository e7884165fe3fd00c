#!/bin/sh
# The unit tests of the Go library (go vet, then go test). Installs Go first (install.sh).
# Usage: harnesses/go/test.sh [go test flags, e.g. -run TestMigrate -v]
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
sh "$here/install.sh" >&2
. "$here/env.sh"
cd "$here"
unformatted="$(gofmt -l .)"
if [ -n "$unformatted" ]; then
    echo "test.sh: not gofmt-formatted: $unformatted" >&2
    exit 1
fi
go vet ./...
go test "$@" ./...
