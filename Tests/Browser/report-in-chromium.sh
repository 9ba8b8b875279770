#!/usr/bin/env bash
# The report in a real browser: builds `ledger report` pages for a few ledgers and has headless
# Chromium lay each out at desktop (1280 px) and phone (390 px) width, screenshot it and print it
# on A4; check_render.py (beside this script) checks what came out. See README.md here.
#
#   Tests/Browser/report-in-chromium.sh [--ledger-binary PATH] [--out DIR] [--jobs N]
#   Tests/Browser/report-in-chromium.sh --html FILE... [--min-charts N] [--out DIR] [--jobs N]
#   Tests/Browser/report-in-chromium.sh --self-test [--out DIR] [--jobs N]
#
# --ledger-binary  the `ledger` that builds the reports (default: `swift build`, then the debug
#                  build's ledger); `ledger-bench`, for the synthetic ledger, is the one beside it
# --html           render these pages instead of building reports (any page, at any time)
# --min-charts     with --html: the charts (<svg> with shapes) each page must have (default 1)
# --self-test      render Samples/good.html and its broken copies (broken_samples.py), pages made
#                  to fail each check and pages that must pass,
#                  and check that each fails exactly as its <meta name="render-check-expect"> says
# --out            keep the screenshots, PDFs, measurements and reports here (default: a new
#                  temporary directory, printed at the end)
# --jobs           pages rendered at once (default 2)
#
# The reports, each built in a scratch directory (the repo's EventLog/ and Snapshots/ are copied,
# never written):
#   committed          the committed ledger                    at least 1 chart
#   one-issue          a ledger of Fixtures/2023-02.txt alone
#   as-of-2023-01-20   the committed ledger, --as-of 2023-01-20 (before some of its data)
#   as-of-2022-01-01   the committed ledger, --as-of 2022-01-01 (before any issue)
#   synthetic          `ledger-bench generate --issues 150`     at least 1 chart
#   synthetic-2024     the same, --year 2024                   at least 1 chart
#
# Without Chromium, or without a Chinese font, it prints one SKIPPED line and exits 0.
# Exit status: 0 passed (or skipped), 1 a check failed, 2 Chromium misbehaved, 64 usage,
# 66 a binary or file is missing, 69 no python3, 70 a report could not be built.
set -euo pipefail
export PYTHONIOENCODING=utf-8

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
usage="usage: $0 [--ledger-binary PATH] [--out DIR] [--jobs N] | --html FILE... [--min-charts N] | --self-test"

ledger="" out="" jobs=2 min_charts=1 self_test=0 html=()
while [ $# -gt 0 ]; do
  case $1 in
    --ledger-binary) [ $# -ge 2 ] || { echo "$usage" >&2; exit 64; }; ledger=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || { echo "$usage" >&2; exit 64; }; out=$2; shift 2 ;;
    --jobs) [ $# -ge 2 ] || { echo "$usage" >&2; exit 64; }; jobs=$2; shift 2 ;;
    --min-charts) [ $# -ge 2 ] || { echo "$usage" >&2; exit 64; }; min_charts=$2; shift 2 ;;
    --self-test) self_test=1; shift ;;
    --html)
      shift
      while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do html+=("$1"); shift; done
      [ ${#html[@]} -gt 0 ] || { echo "$usage" >&2; exit 64; } ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "$usage" >&2; exit 64 ;;
  esac
done
case $jobs in ''|*[!0-9]*|0) echo "report-in-chromium: --jobs takes a positive number" >&2; exit 64 ;; esac
case $min_charts in ''|*[!0-9]*) echo "report-in-chromium: --min-charts takes a number" >&2; exit 64 ;; esac
for file in ${html[@]+"${html[@]}"}; do
  [ -f "$file" ] || { echo "report-in-chromium: no such file: $file" >&2; exit 66; }
done

# Chromium, and a font for the Chinese labels, or nothing to do here.
chromium=""
if [ -n "${CHROMIUM:-}" ]; then
  chromium=$(command -v "$CHROMIUM" || true)
  [ -n "$chromium" ] || { echo "report-in-chromium: CHROMIUM=$CHROMIUM is not a command" >&2; exit 64; }
else
  for name in chromium chromium-browser google-chrome; do
    if command -v "$name" > /dev/null 2>&1; then chromium=$(command -v "$name"); break; fi
  done
fi
if [ -z "$chromium" ]; then
  echo "report-in-chromium: SKIPPED: Chromium is not installed (Debian: apt-get install chromium fonts-noto-cjk)"
  exit 0
fi
if ! command -v fc-list > /dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2> /dev/null)" ]; then
  echo "report-in-chromium: SKIPPED: no Chinese font for Chromium (fc-list :lang=zh is empty; Debian: apt-get install fonts-noto-cjk)"
  exit 0
fi
command -v python3 > /dev/null 2>&1 || { echo "report-in-chromium: python3 is needed to check the renders and is not installed" >&2; exit 69; }
# Debian's wrapper script prints a harmless "[: ... unexpected operator" line on every run.
version=$("$chromium" --version 2> /dev/null | grep -v 'unexpected operator' | head -n 1 || true)
[ -n "$version" ] || { echo "report-in-chromium: $chromium --version printed nothing: is it Chromium?" >&2; exit 2; }

if [ -z "$out" ]; then out=$(mktemp -d "${TMPDIR:-/tmp}/report-in-chromium.XXXXXX"); fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
started=$(date +%s%N)
seconds() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
echo "report-in-chromium: $version ($chromium), fonts: $(fc-match 'sans-serif:lang=zh-cn' family 2> /dev/null || echo '?')"

check() { python3 "$here/check_render.py" --chromium "$chromium" --out "$out" --jobs "$jobs" "$@"; }
finish() {
  local status=$1
  echo "report-in-chromium: screenshots, PDFs and measurements in $out ($(seconds "$started") s in all)"
  exit "$status"
}

if [ "$self_test" = 1 ]; then
  status=0; check --self-test "$here/Samples" || status=$?
  finish "$status"
fi

pages=()
if [ ${#html[@]} -gt 0 ]; then
  declare -A taken=()
  for file in "${html[@]}"; do
    name=$(basename "$file"); name=${name%.html}; name=${name%.htm}
    base=$name n=1
    while [ -n "${taken[$name]:-}" ]; do n=$((n + 1)); name=$base-$n; done
    taken[$name]=1
    pages+=(--page "$name" "$min_charts" "$(cd "$(dirname "$file")" && pwd)/$(basename "$file")")
  done
else
  if [ -z "$ledger" ]; then
    echo "report-in-chromium: swift build"
    (cd "$root" && swift build -q) || { echo "report-in-chromium: swift build failed" >&2; exit 70; }
    ledger="$(cd "$root" && swift build --show-bin-path)/ledger"
  fi
  [ -x "$ledger" ] || { echo "report-in-chromium: no ledger binary at $ledger (build it, or pass --ledger-binary)" >&2; exit 66; }
  ledger=$(cd "$(dirname "$ledger")" && pwd)/$(basename "$ledger")
  bench=$(dirname "$ledger")/ledger-bench
  if ! "$ledger" help report > /dev/null 2>&1; then
    echo "report-in-chromium: FAILED: $ledger has no \`report\` command (an old build? render other pages with --html FILE...)" >&2
    exit 70
  fi
  [ -x "$bench" ] || { echo "report-in-chromium: no ledger-bench beside $ledger (swift build makes both)" >&2; exit 66; }

  work=$(mktemp -d "${TMPDIR:-/tmp}/report-in-chromium-ledgers.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  unset LEDGER_HOME
  export LEDGER_ACTOR=report-in-chromium
  mkdir -p "$out/pages"
  built=$(date +%s%N)

  run() {  # run DESCRIPTION COMMAND...: quiet unless it fails
    local what=$1; shift
    if ! "$@" > "$work/stdout" 2> "$work/stderr"; then
      echo "report-in-chromium: FAILED: $what: \`$*\` exited with an error:" >&2
      tail -n 20 "$work/stderr" >&2
      exit 70
    fi
  }
  report() {  # report NAME MIN_CHARTS LEDGER_DIR [OPTIONS...]
    local name=$1 charts=$2 dir=$3; shift 3
    run "the $name report" "$ledger" report --ledger "$dir" --out "$out/pages/$name.html" "$@"
    [ -s "$out/pages/$name.html" ] || { echo "report-in-chromium: FAILED: \`ledger report\` wrote no $out/pages/$name.html" >&2; exit 70; }
    pages+=(--page "$name" "$charts" "$out/pages/$name.html")
  }

  mkdir -p "$work/committed"
  cp -R "$root/EventLog" "$root/Snapshots" "$work/committed/"
  rm -f "$work/committed/EventLog/lock"
  mkdir -p "$work/one-issue"
  run "ingesting one issue" "$ledger" --ledger "$work/one-issue" ingest "$root/Tests/LedgerParserTests/Fixtures/2023-02.txt"
  run "generating 150 issues" "$bench" generate --issues 150 --ledger "$work/synthetic"

  # The charts each page must have: authorization 1, totals 6 a year (3 categories, lines and
  # bars), window 4, visits 1, inspections 1, the numbering strip 1, where the ledger has the data.
  report committed 14 "$work/committed"
  report one-issue 9 "$work/one-issue"
  report as-of-2023-01-20 9 "$work/committed" --as-of 2023-01-20
  report as-of-2022-01-01 0 "$work/committed" --as-of 2022-01-01
  report synthetic 26 "$work/synthetic"
  report synthetic-2024 14 "$work/synthetic" --year 2024
  echo "report-in-chromium: built $((${#pages[@]} / 4)) reports in $(seconds "$built") s with $ledger"
fi

status=0; check "${pages[@]}" || status=$?
if [ "$status" = 0 ]; then
  echo "report-in-chromium: passed: $((${#pages[@]} / 4)) pages at 1280 and 390 px and printed on A4"
fi
finish "$status"
