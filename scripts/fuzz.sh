#!/usr/bin/env bash
# Builds one libFuzzer target (Fuzz/) with -sanitize=fuzzer,address and runs it for SECONDS over a working
# copy of its committed seed corpus (Fuzz/Corpus/TARGET). New inputs stay in Fuzz/.build/corpus/TARGET;
# a crash is written to Fuzz/.build/crashes/TARGET/ and the script exits non-zero.
# Usage: scripts/fuzz.sh TARGET SECONDS   (targets: fuzz-csv fuzz-manifest fuzz-zip fuzz-certificate fuzz-cms)
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
[ -d "Corpus/$target" ] || { echo "fuzz: no target $target (see Fuzz/Corpus/)" >&2; exit 2; }
../scripts/setup.sh
swift build -c release --product "$target" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -use-ld=lld
work=".build/corpus/$target"
crashes=".build/crashes/$target"
mkdir -p "$work" "$crashes"
cp -n Corpus/"$target"/* "$work"/ 2>/dev/null || true
"$(swift build -c release --show-bin-path)/$target" "$work" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$crashes/" -print_final_stats=1
