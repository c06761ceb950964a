#!/usr/bin/env bash
# Installs Debian's redis-server when it is missing, for the queue tests (tests/queue), which start
# their own server on a free loopback port. Same approach as the Chromium install in test-all.sh.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
echo "Installing Debian redis-server for the queue tests…"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null || {
  echo "Could not install redis-server (apt-get failed)"; exit 1; }
# The package starts a system service on port 6379; the tests never use it.
