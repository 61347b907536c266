#!/usr/bin/env bash
# The kill-one-worker streaming-QA test, N times in a row (default 10) at a given size (default
# 100,000 turns): two `huashu qa --stream` workers, one SIGKILLed mid-run, every conversation
# scored exactly once and the aggregates equal to a batch qa. Stops at the first failure.
#   bash scripts/stream-kill-loop.sh [runs] [turns]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
turns="${2:-100000}"
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if HUASHU_STREAM_TURNS="$turns" npx vitest run test/redis/stream-qa.test.ts -t 'killed mid-run' >"/tmp/huashu-kill-$i.log" 2>&1; then
    echo "run $i/$runs: passed in $(($(date +%s) - start)) s ($turns turns; load $(cut -d' ' -f1-3 /proc/loadavg))"
  else
    echo "run $i/$runs: FAILED after $(($(date +%s) - start)) s; see /tmp/huashu-kill-$i.log"
    exit 1
  fi
done
echo "all $runs runs passed"
