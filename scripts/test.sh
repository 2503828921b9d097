#!/usr/bin/env bash
# The whole test suite: installs what the tests need, checks types, lint and format, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v logger >/dev/null || need_apt+=(bsdutils)
command -v openssl >/dev/null || need_apt+=(openssl)
command -v python3 >/dev/null || need_apt+=(python3)
# Browser tests and PDF reports: Debian's Chromium, a Japanese font so that pages, screenshots and PDFs render ja
# text, and pdftotext to read the PDFs back.
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -e /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || need_apt+=(fonts-ipafont-gothic)
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing test tools: ${need_apt[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

echo "== build"
npm run --silent build
npm run --silent build:web
echo "== typecheck"
npx tsc -p tsconfig.json --noEmit
npx tsc -p web/tsconfig.json --noEmit
echo "== lint"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }

echo "== tests"
mkdir -p test-output
set +e
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@"
status=$?
set -e
node scripts/test-summary.js test-output/vitest.json
exit $status
