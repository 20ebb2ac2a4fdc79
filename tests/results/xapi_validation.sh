#!/usr/bin/env bash
# Plays every bundled scenario along two paths (and leaves one call unfinished),
# exports xAPI, and validates every statement with Learning Locker's validator.
# Usage: xapi_validation.sh FRONTLINE SCENARIOS_DIR NODE_DIR. Exit 77 = skipped.
set -euo pipefail
frontline=$1 scenarios=$2 node_dir=$3
if ! command -v node >/dev/null || [ ! -d "$node_dir/node_modules/xapi-validation" ]; then
  echo "SKIPPED: xapi-validation is not installed; run: npm ci --prefix $node_dir --ignore-scripts --no-audit --no-fund"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FRONTLINE_DATA="$work/results.db"
ones=$(printf '1,%.0s' {1..30}); twos=$(printf '2,%.0s' {1..30})
for s in "$scenarios"/*.yaml; do
  "$frontline" play "$s" --trainee "Zoë O'Brien" --choices "${ones%,}" >/dev/null 2>&1
  # Not every node has a second choice: a short call is left unfinished, which is exported too.
  "$frontline" play "$s" --trainee "Ana, \"the new one\"" --choices "${twos%,}" >/dev/null 2>&1 || true
done
"$frontline" play "$scenarios/cold-meal.yaml" --trainee Ben <<<"1" >/dev/null 2>&1 || true  # input ends mid-call
"$frontline" results export --format xapi -o "$work/statements.jsonl"
node "$node_dir/validate_statements.js" "$work/statements.jsonl"
