#!/usr/bin/env bash
# Builds the TypeScript ECT implementation and its harness: the locked dependencies
# (npm ci, from package-lock.json) and the compiler output in dist/ (dist/harness.js is the
# command the conformance runner starts). Needs Node.js 20.19 or later and npm.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
rm -rf dist
npx --no-install tsc -p tsconfig.json
