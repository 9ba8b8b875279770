#!/usr/bin/env bash
# Real process kills: starts `ledger ingest` on generated bulletins and SIGKILLs it at a random
# moment, again and again. After every kill `ledger verify` must pass and every issue must be in
# the ledger whole (as many records as a clean ingest gives it, in one batch) or not at all; the
# next ingest, itself killed or not, carries on; one that finishes must leave exactly the clean
# ledger's issues and records, no duplicates. Then the ledger starts again from nothing, so kills
# land on a first write, on recovery, on every length of log.
#
#   Tests/Reliability/kill-ingest.sh [--kills N] [--issues N] [--seed S] [--bin DIR] [--keep DIR]
#
# --kills   processes to kill (default 200); runs that finish before their kill do not count
# --issues  generated bulletins per ingest (default 24)
# --seed    the generator's seed and the seed of the kill delays (default 7)
# --bin     the directory of the built `ledger` and `ledger-bench` (default .build/debug)
# --keep    work in this directory and keep it (default: a scratch directory, removed)
#
# Every other round waits for a write in flight (bytes past HEAD) and kills it then.
# Prints one summary line: kills, torn batches recovered, completed runs, seed.
set -euo pipefail
export LC_ALL=C

kills=200 issues=24 seed=7 keep=""
bin="$(cd "$(dirname "$0")/../.." && pwd)/.build/debug"
while [ $# -gt 0 ]; do
  case $1 in
    --kills) kills=$2; shift 2 ;;
    --issues) issues=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) echo "usage: $0 [--kills N] [--issues N] [--seed S] [--bin DIR] [--keep DIR]" >&2; exit 64 ;;
  esac
done
ledger=$bin/ledger
for tool in "$ledger" "$bin/ledger-bench"; do
  [ -x "$tool" ] || { echo "$tool is not built: run swift build first (or pass --bin)" >&2; exit 66; }
done

if [ -n "$keep" ]; then work=$keep; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
export LEDGER_ACTOR="kill-test"
unset LEDGER_HOME

"$bin/ledger-bench" generate --issues "$issues" --seed "$seed" --out "$work/bulletins" > /dev/null
mapfile -t files < <(find "$work/bulletins" -type f | sort)
[ "${#files[@]}" = "$issues" ] || { echo "expected $issues generated bulletins, found ${#files[@]}" >&2; exit 70; }

# The issues of a ledger: per issue, its records and the batches they came in. The issue of a
# batch is the one its first record cites (log format 2: a batch's first line has its header).
issue_table() {
  "$ledger" --ledger "$1" log --json 2> "$work/log-stderr" | awk '
    match($0, /^\{"seq":[0-9]+/) { seq = substr($0, RSTART + 7, RLENGTH - 7) }
    /"batch":\{"count":/ { first = seq }
    !(first in issue) { if (match($0, /"issue":"[^"]+"/)) issue[first] = substr($0, RSTART + 9, RLENGTH - 10); else issue[first] = "-" }
    { records[issue[first]]++; if (!((issue[first], first) in seen)) { seen[issue[first], first] = 1; batches[issue[first]]++ } }
    END { for (key in records) print key, records[key], batches[key] }' | sort
}

# The clean ledger: one uninterrupted ingest, timed, gives the expected table.
mkdir -p "$work/reference"
start=$(date +%s%N)
"$ledger" --ledger "$work/reference" ingest "${files[@]}" > /dev/null
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
issue_table "$work/reference" > "$work/expected"
[ "$(wc -l < "$work/expected")" = "$issues" ] || { echo "the clean ingest does not hold $issues issues" >&2; exit 70; }

fail() {
  echo "FAILED after kill $killed (round $round, seed $seed, delay ${delay_ms} ms): $1" >&2
  cp -r "$work/ledger" "$work/failed-ledger" 2>/dev/null || true
  echo "the ledger is kept in $work/failed-ledger" >&2
  trap - EXIT
  exit 1
}

# After any kill: verify passes, and each issue present is exactly as in the clean ledger.
check_whole_or_absent() {
  local verify
  # Killed before it made EventLog/: nothing is there, every issue is absent.
  [ -d "$work/ledger/EventLog" ] || { before_eventlog=$((before_eventlog + 1)); return 0; }
  verify=$("$ledger" --ledger "$work/ledger" verify 2>&1) || fail "ledger verify: $verify"
  issue_table "$work/ledger" > "$work/actual" || fail "ledger log: $(cat "$work/log-stderr")"
  join -a 1 "$work/actual" "$work/expected" | awk '
    NF != 5 || $2 != $4 || $3 != 1 { print "issue " $1 ": " $2 " records in " $3 " batches, the clean ledger has " $4; bad = 1 }
    END { exit bad }' > "$work/mismatch" || fail "$(cat "$work/mismatch")"
}

# Returns once the log is longer than HEAD's committed bytes, or the ingest has ended.
wait_for_uncommitted_bytes() {
  local size committed
  while kill -0 "$pid" 2>/dev/null; do
    size=$(stat -c %s "$work/ledger/EventLog/events.jsonl" 2>/dev/null || echo 0)
    committed=$(sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' "$work/ledger/EventLog/HEAD" 2>/dev/null || true)
    [ "$size" -gt "${committed:-0}" ] && return 0
  done
  return 0
}

RANDOM=$seed
killed=0 completed=0 torn=0 round=0 delay_ms=0 before_eventlog=0
rm -rf "$work/ledger"; mkdir "$work/ledger"
while [ "$killed" -lt "$kills" ]; do
  round=$((round + 1))
  # Uniform over the time a whole ingest takes, at a millisecond's grain.
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % (full_ms + 1) ))
  "$ledger" --ledger "$work/ledger" ingest "${files[@]}" > "$work/stdout" 2> "$work/stderr" &
  pid=$!
  if [ $((round % 2)) = 0 ]; then
    # Every other round aims at the few milliseconds a write is in flight: it waits the delay,
    # then kills as soon as the log holds bytes HEAD has not committed.
    sleep "$(printf '%d.%03d' $((delay_ms / 2000)) $((delay_ms / 2 % 1000)))"
    wait_for_uncommitted_bytes
  else
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  fi
  if kill -KILL "$pid" 2>/dev/null; then
    status=0; { wait "$pid"; } 2>/dev/null || status=$?
    if [ "$status" = 137 ]; then
      killed=$((killed + 1))
      check_whole_or_absent
      continue
    fi
  else
    status=0; { wait "$pid"; } 2>/dev/null || status=$?
  fi
  [ "$status" = 0 ] || fail "an ingest that was not killed failed with $status: $(cat "$work/stderr")"
  # It finished: the ledger is the clean one, record for record, and recovery said what it cut.
  check_whole_or_absent
  cmp -s "$work/actual" "$work/expected" || fail "a finished ingest left $(diff "$work/actual" "$work/expected")"
  completed=$((completed + 1))
  [ -d "$work/ledger/EventLog/recovered" ] && torn=$((torn + $(find "$work/ledger/EventLog/recovered" -type f | wc -l)))
  rm -rf "$work/ledger"; mkdir "$work/ledger"
done

# Finish the last ledger too, however far it got.
"$ledger" --ledger "$work/ledger" ingest "${files[@]}" > /dev/null || fail "the final ingest failed"
check_whole_or_absent
cmp -s "$work/actual" "$work/expected" || fail "the final ingest left $(diff "$work/actual" "$work/expected")"
[ -d "$work/ledger/EventLog/recovered" ] && torn=$((torn + $(find "$work/ledger/EventLog/recovered" -type f | wc -l)))

echo "kill-ingest: $killed kills survived ($torn torn batches recovered, $before_eventlog before EventLog/ existed, $completed ingests completed), $issues issues per ingest, whole ingest ${full_ms} ms, seed $seed, ${SECONDS} s"
