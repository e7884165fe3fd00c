#!/usr/bin/env bash
# Installs Chromium for the headless report check (.ci/check-report-browser.sh) when it is missing.
# CI runs on a fresh Debian machine as root; elsewhere this needs root or sudo.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
# Other jobs may hold apt's locks on a shared machine: wait for them rather than fail.
for attempt in $(seq 1 30); do
    $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq && break
    [ "$attempt" -lt 30 ] || exit 1
    sleep 10
done
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium fonts-dejavu-core > /dev/null
/usr/bin/chromium --version
