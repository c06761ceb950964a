#!/usr/bin/env bash
# The README's test command: typecheck, Vitest (node + jsdom projects), then Playwright e2e in Debian's
# Chromium. Prints one closing line "N passed, N failed" summed over all suites (CI reads it).
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf .reports && mkdir -p .reports

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian chromium for browser tests…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null || {
    echo "Could not install chromium (apt-get failed)"; exit 1; }
fi
bash scripts/ensure-redis.sh || exit 1  # the queue tests (tests/queue) start their own redis-server

status=0
echo "== typecheck"
npm run -s typecheck || status=1

echo "== vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json || status=1

echo "== playwright (builds the studio with the test hook, then serves it)"
if [ -d e2e ] && ls e2e/*.spec.ts >/dev/null 2>&1; then
  PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/playwright.json npx playwright test --reporter=list,json || status=1
fi

node scripts/summarize-tests.mjs .reports/vitest.json .reports/playwright.json || status=1
exit $status
