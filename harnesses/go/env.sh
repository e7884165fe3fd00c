# Sourced by build.sh and test.sh: a Go environment that needs no network and writes nothing
# outside the build output and a cache under /tmp (or $TMPDIR), so it works as root on a
# fresh machine.
go_tmp="${TMPDIR:-/tmp}/ect-harness-go-$(id -u)"
export GOCACHE="${GOCACHE:-$go_tmp/cache}"
export GOPATH="${GOPATH:-$go_tmp/path}"
export GOFLAGS="${GOFLAGS:-}"
export GOPROXY=off
export GOTOOLCHAIN=local
export CGO_ENABLED=0
