#!/usr/bin/env bash
# Opens `frontline results report` in headless Chromium (Debian's chromium): the
# page must render, print to PDF, and leave a screenshot.
#   report_chromium.sh FRONTLINE SCENARIOS_DIR SCREENSHOT.png
# The store is filled by real `frontline play` runs: eight trainees on the cold
# meal (a poor call, then a good one), some on two more scenarios, two calls left
# half-way. Exit 77 (skipped) when chromium is not installed.
set -euo pipefail
frontline=$1 scenarios=$2 screenshot=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed (.ci/setup --tests installs it); skipping"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/results.db

play() {  # trainee scenario choices [expected exit]
  local code=0
  "$frontline" play "$scenarios/$2.yaml" --trainee "$1" --data "$db" --choices "$3" --seed 7 >/dev/null 2>&1 || code=$?
  if [ "$code" != "${4:-0}" ]; then echo "play $1 $2 '$3' exited $code"; exit 1; fi
}
cold_best="I'm sorry. You've got half eight,Twelve minutes: on your table,Steak it is,I've just checked,It's on us tonight,Here it is"
ones=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1
twos=2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2
for t in "Ana Quill" "Ben Otto" "Chloé Durand" "Dev Patel" "Eli Marsh" "Fay Lind" "Gus Holm" "Hana Sato"; do
  play "$t" cold-meal "$ones"
  play "$t" cold-meal "$cold_best"
done
for t in "Ana Quill" "Ben Otto" "Chloé Durand" "Dev Patel" "Eli Marsh" "Fay Lind"; do
  play "$t" late-checkout "$ones"
  play "$t" late-checkout "$twos"
done
play "Gus Holm" cold-meal 1,1 1
play "Hana Sato" cold-meal 2 1

"$frontline" results report --data "$db" -o "$work/report.html"

run_browser() {
  "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars "$@" 2>"$work/browser.log"
}
# The DOM as Chromium built it: the page parsed and every section is there.
run_browser --dump-dom "file://$work/report.html" >"$work/dom.html"
for section in "Where the calls land" "Both needs over time" "Replay gain" "best-in-class behaviours" "The Cold Meal"; do
  grep -q "$section" "$work/dom.html" || { echo "rendered page lacks '$section'"; cat "$work/browser.log"; exit 1; }
done
# Printing: a PDF of more than one page.
run_browser --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report.html"
head -c 5 "$work/report.pdf" | grep -q "%PDF-" || { echo "no PDF"; cat "$work/browser.log"; exit 1; }
echo "report.html $(stat -c %s "$work/report.html") bytes; PDF $(stat -c %s "$work/report.pdf") bytes"
# The screenshot: the top of the page at a laptop's width.
mkdir -p "$(dirname "$screenshot")"
run_browser --window-size=1100,${REPORT_SCREENSHOT_HEIGHT:-1500} --screenshot="$screenshot" "file://$work/report.html"
size=$(stat -c %s "$screenshot" 2>/dev/null || echo 0)
if [ "$size" -lt 20000 ]; then echo "screenshot too small ($size bytes)"; cat "$work/browser.log"; exit 1; fi
echo "screenshot $screenshot ($size bytes)"
