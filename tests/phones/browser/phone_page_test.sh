#!/usr/bin/env bash
# The phone page in headless Chromium (Debian's chromium, driven by puppeteer-core,
# which downloads no browser): join, vote, the acknowledgement, the next turn, a
# Wi-Fi drop, the game restarting. Screenshots (390x844) go to SHOTS_DIR.
#   phone_page_test.sh ROOM_DRIVER PAGES_DIR SHOTS_DIR
# Exit 77 (skipped) when chromium or tests/phones/browser/node_modules is missing
# (.ci/setup --tests installs both).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then echo "chromium is not installed (.ci/setup --tests installs it); skipping"; exit 77; fi
if [ ! -d "$here/node_modules/puppeteer-core" ]; then
  echo "puppeteer-core is not installed (.ci/setup --tests runs npm ci in tests/phones/browser); skipping"; exit 77
fi
mkdir -p "$3"
export PUPPETEER_SKIP_DOWNLOAD=1 CHROMIUM="$browser"
exec node "$here/phone_page_test.js" "$1" "$2" "$3"
