#!/usr/bin/env bash
# Builds the libFuzzer targets (Tests/Reliability/Fuzz) with swiftc -sanitize=fuzzer,address
# against the sources of the targets they test, and runs each for a chosen time, seeded with the
# fixtures. Fails on a crash, a timeout (one input over 10 s) or memory over 2 GB (RSS).
#
#   Tests/Reliability/fuzz.sh [--seconds N | --runs N] [--target parser|log|docx|pdf|all] [--seed S]
#
# --seconds  how long each target runs (default 600), growing the corpus kept in .build-fuzz/
# --runs     instead: exactly N executions from the seeds alone (a fresh corpus), so the same
#            binary and seed always try the same inputs; CI runs 8000 (under 60 s a target)
# --target   which target (default all)
# --seed     libFuzzer's seed (default 1)
#
# Builds in .build-fuzz/. Without a toolchain that
# supports -sanitize=fuzzer it prints a note and exits 0, so CI keeps running elsewhere.
# Prints one line per target: executions, seconds, corpus size, peak memory.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=600 runs="" target=all seed=1
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --target) target=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds N | --runs N] [--target parser|log|docx|pdf|all] [--seed S]" >&2; exit 64 ;;
  esac
done

build=.build-fuzz
mkdir -p "$build/modules" "$build/artifacts"
sanitize=(-sanitize=fuzzer,address)
probe="$build/probe.swift"
printf '@_cdecl("LLVMFuzzerTestOneInput") public func f(_ d: UnsafePointer<UInt8>, _ n: Int) -> CInt { 0 }\n' > "$probe"
if ! swiftc "${sanitize[@]}" -parse-as-library "$probe" -o "$build/probe" > "$build/probe.log" 2>&1; then
  echo "fuzz: note: this toolchain cannot build with -sanitize=fuzzer ($(head -1 "$build/probe.log")); the fuzz targets were not run"
  exit 0
fi

# One module of the package, built from its sources, instrumented.
module() {
  local name=$1; shift
  local sources
  mapfile -t sources < <(find "Sources/$name" -name '*.swift' | sort)
  swiftc "${sanitize[@]}" -O -g -parse-as-library -module-name "$name" -package-name ledger -I "$build/modules" -I Sources/CZlib \
    -emit-module -emit-module-path "$build/modules/$name.swiftmodule" \
    -emit-library -static -o "$build/modules/lib$name.a" "$@" "${sources[@]}" 2> >(grep -v 'ld.gold: warning' >&2)
}

fuzzer() {
  local name=$1 file=$2
  swiftc "${sanitize[@]}" -O -g -parse-as-library -package-name ledger -I "$build/modules" -I Sources/CZlib -L "$build/modules" \
    "Tests/Reliability/Fuzz/$file" -lLedgerStore -lLedgerParser -lLedgerDocuments -lLedgerDomain -lLedgerFormats -lLedgerSHA256Hardware -lz \
    -o "$build/fuzz-$name" 2>&1 | { grep -v 'ld.gold: warning' || true; } >&2
}

# Rebuilt only when a source changed, so two runs (one per target) can share one build.
stamp=$(find Sources/LedgerSHA256Hardware Sources/LedgerFormats Sources/LedgerDomain Sources/LedgerParser Sources/LedgerStore Tests/Reliability/Fuzz \
  Sources/LedgerDocuments \
  -name '*.swift' | sort | xargs cat | sha256sum | cut -c1-64)
if [ "$(cat "$build/stamp" 2>/dev/null)" = "$stamp" ] && [ -x "$build/fuzz-parser" ] && [ -x "$build/fuzz-log" ] && [ -x "$build/fuzz-docx" ] \
   && [ -x "$build/fuzz-pdf" ]; then
  echo "fuzz: the targets in $build/ are up to date"
else
  echo "fuzz: building the targets in $build/"
  rm -f "$build/stamp"
  hardware=()
  [ "$(uname -m)" = x86_64 ] && hardware=(-Xcc -msha -Xcc -mssse3 -Xcc -msse4.1)
  module LedgerSHA256Hardware "${hardware[@]}"
  module LedgerFormats
  module LedgerDomain
  module LedgerParser
  module LedgerStore
  # The document readers (zip, XML, .docx; PDF), on LedgerFormats.
  module LedgerDocuments
  fuzzer parser ParserFuzzer.swift
  fuzzer log LogFuzzer.swift
  fuzzer docx DocxFuzzer.swift
  fuzzer pdf PDFFuzzer.swift
  echo "$stamp" > "$build/stamp"
fi

# Seeds: the real bulletins and a few generated ones; the committed log, its records one by one.
mkdir -p "$build/seeds-parser" "$build/seeds-log" "$build/corpus-parser" "$build/corpus-log" "$build/seeds-pdf" "$build/corpus-pdf"
# Seeds for the PDF reader: the small PDFs of its tests, and the real producers' (cut at -max_len).
cp Tests/Reliability/Fuzz/PDFSeeds/*.pdf Tests/LedgerDocumentsTests/Fixtures/pdf/*.pdf "$build/seeds-pdf/"
cp Tests/LedgerParserTests/Fixtures/*.txt "$build/seeds-parser/"
[ -x .build/debug/ledger-bench ] && .build/debug/ledger-bench generate --issues 8 --seed 3 --out "$build/seeds-parser/generated" > /dev/null \
  && find "$build/seeds-parser/generated" -type f -exec mv {} "$build/seeds-parser/" \; && rm -rf "$build/seeds-parser/generated"
cp EventLog/events.jsonl "$build/seeds-log/committed.jsonl"
head -c 16384 EventLog/events.jsonl > "$build/seeds-log/head.jsonl"
split -l 1 -d EventLog/events.jsonl "$build/seeds-log/record-"
cp Tests/LedgerCLITests/Fixtures/format1-ledger/EventLog/events.jsonl "$build/seeds-log/format1.jsonl"
# .docx seeds: the committed documents whole, and their XML parts as the target's second input form.
mkdir -p "$build/seeds-docx" "$build/corpus-docx"
for docx in $(find Tests/LedgerDocumentsTests/Fixtures -name '*.docx' | sort); do
  base=$(basename "$docx" .docx)
  cp "$docx" "$build/seeds-docx/"
  { unzip -p "$docx" word/document.xml; printf '\0'; unzip -p "$docx" word/numbering.xml 2>/dev/null || true; printf '\0'
    unzip -p "$docx" word/styles.xml 2>/dev/null || true; } > "$build/seeds-docx/$base.parts" || true
done

run() {
  local name=$1 log="$build/fuzz-$1.log"
  local started=$SECONDS status=0 corpus_dir="$build/corpus-$1" limit=(-max_total_time="$seconds")
  if [ -n "$runs" ]; then
    corpus_dir="$build/corpus-$1-runs"
    rm -rf "$corpus_dir"; mkdir -p "$corpus_dir"
    limit=(-runs="$runs")
  fi
  # Leak checking is off: the only leaks LeakSanitizer reports are the standard library's regex
  # parser's (some 30 KB in all, not growing with the executions); growth is -rss_limit_mb's.
  ASAN_OPTIONS=detect_leaks=0 "$build/fuzz-$name" "${limit[@]}" -seed="$seed" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=0 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$name-" \
    "$corpus_dir" "$build/seeds-$name" > "$log" 2>&1 || status=$?
  local executions peak corpus
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  peak=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  corpus=$(find "$corpus_dir" -type f | wc -l)
  if [ "$status" != 0 ]; then
    echo "fuzz $name: FAILED after $((SECONDS - started)) s (exit $status); the input is in $build/artifacts/, the log in $log:" >&2
    grep -m 5 -E 'ERROR|Fatal error|Precondition|deadly signal|timeout|out-of-memory' "$log" >&2 || tail -20 "$log" >&2
    exit 1
  fi
  echo "fuzz $name: $executions executions in $((SECONDS - started)) s, no crash, timeout or memory blow-up; corpus $corpus inputs, peak RSS $peak MB, seed $seed"
}

case $target in
  all) run parser; run log; run docx; run pdf ;;
  parser|log|docx|pdf) run "$target" ;;
  *) echo "unknown target $target (parser, log, docx, pdf or all)" >&2; exit 64 ;;
esac
