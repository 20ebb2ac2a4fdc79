#!/usr/bin/env bash
# `frontline results send` against a real LRS on loopback (Learning Locker's
# xapi-statements, in-memory), behind a front that checks basic auth and fails
# the first two POSTs with 503. Usage: lrs_send.sh FRONTLINE SCENARIOS_DIR NODE_DIR.
# Exit 77 = skipped (node modules not installed).
set -euo pipefail
frontline=$1 scenarios=$2 node_dir=$3
if ! command -v node >/dev/null || [ ! -d "$node_dir/node_modules/xapi-statements" ]; then
  echo "SKIPPED: xapi-statements is not installed; run: npm ci --prefix $node_dir --ignore-scripts --no-audit --no-fund"
  exit 77
fi
work=$(mktemp -d)
server=
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAILED: $*"; exit 1; }

export FRONTLINE_DATA="$work/results.db"
ones=$(printf '1,%.0s' {1..30})
for s in cold-meal sold-out-order two-machines; do
  "$frontline" play "$scenarios/$s.yaml" --trainee "Zoë" --choices "${ones%,}" >/dev/null
done
"$frontline" play "$scenarios/cold-meal.yaml" --trainee Ben <<<"1" >/dev/null 2>&1 || true  # unfinished: not sent
expected=$("$frontline" results export --format xapi | grep -c . || true)
expected=$((expected - 2))  # Ben's unfinished attempt: attempted + one answered
cp "$work/results.db" "$work/before-send.db"

LRS_USER=trainer LRS_PASSWORD=secret FAIL_FIRST=2 MAX_SECONDS=120 node "$node_dir/lrs_server.js" "$work/url" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do [ -s "$work/url" ] && break; sleep 0.1; done
[ -s "$work/url" ] || { cat "$work/server.log"; fail "the LRS did not start"; }
url=$(cat "$work/url")
echo "LRS: Learning Locker xapi-statements (in-memory) behind $url"

echo "-- wrong password: refused, nothing marked sent"
if "$frontline" results send --lrs "$url" --user trainer --password wrong >"$work/out" 2>&1; then fail "a wrong password was accepted"; fi
grep -q "HTTP 401" "$work/out" || { cat "$work/out"; fail "no 401 reported"; }

echo "-- send: two 503s are retried, then every statement of the finished attempts is accepted"
FRONTLINE_LRS_USER=trainer FRONTLINE_LRS_PASSWORD=secret \
  "$frontline" results send --lrs "$url" --batch 7 >"$work/out" 2>&1 || { cat "$work/out"; fail "send failed"; }
cat "$work/out"
grep -q "HTTP 503.*retrying" "$work/out" || fail "no retry after 503"
grep -q "Sent $expected statements" "$work/out" || fail "expected $expected statements sent"
node "$node_dir/count_statements.js" "$url" trainer secret | tee "$work/count"
grep -q "^$expected statements stored, 0 invalid" "$work/count" || fail "the LRS does not hold the $expected statements"

echo "-- send again: nothing is queued"
"$frontline" results send --lrs "$url" --user trainer --password secret >"$work/out" 2>&1 || fail "second send failed"
grep -q "Nothing to send" "$work/out" || { cat "$work/out"; fail "statements were sent twice"; }

echo "-- a copy that never heard back resends the same statements: the LRS keeps one of each"
"$frontline" results send --data "$work/before-send.db" --lrs "$url" --user trainer --password secret >"$work/out" 2>&1 \
  || { cat "$work/out"; fail "resending identical statements was refused"; }
node "$node_dir/count_statements.js" "$url" trainer secret | grep -q "^$expected statements stored" || fail "duplicates were stored"
echo "lrs send: 5 passed, 0 failed"
