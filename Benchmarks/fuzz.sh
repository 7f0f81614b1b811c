#!/usr/bin/env bash
# make fuzz: runs the fuzzer for a fixed budget (FUZZ_SECONDS, default 300) with three seeds,
# split between the parser (with the analyzer and the query parser) and the search engine's
# readers (segment files and manifests, mutated), and writes the FUZZING section of
# BENCHMARKS.md. A crash, an endless loop or a huge allocation stops the run and leaves its
# input in bench-work/: the parser's is copied to Tests/ReferatParsingTests/FuzzRegressions/
# (replayed by InputTests.fuzzRegressionsStillParse), the engine's to
# Tests/ReferatEngineTests/FuzzRegressions/ (make it a test in HostileSegmentTests).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench-work
seconds=${FUZZ_SECONDS:-300}
each=$((seconds / 6))
bin=.build/release/referat
# Real segment files and manifests to mutate: an import of the corpus in small batches, so
# that the folder holds segments of several sizes.
seeds=bench-work/fuzz-index.sqlite
rm -rf "$seeds" "$seeds.segments"
$bin import Corpus --index "$seeds" --batch-size 8 --jobs 2 >/dev/null 2>&1 || { echo "fuzz: cannot import Corpus"; exit 1; }
results=()
for target in parser engine; do
  for seed in 1 2 3; do
    rm -f bench-work/fuzz-current.bin*
    out=$($bin bench fuzz --target "$target" --seconds "$each" --seed "$seed" --index "$seeds.segments" 2>&1)
    rc=$?
    if [ $rc -ne 0 ]; then
      if [ "$target" = parser ]; then folder=Tests/ReferatParsingTests/FuzzRegressions; else folder=Tests/ReferatEngineTests/FuzzRegressions; fi
      mkdir -p "$folder"
      for f in bench-work/fuzz-current.bin*; do
        [ -e "$f" ] && cp "$f" "$folder/crash-seed$seed-$(date +%s)$(basename "$f" | sed 's/^fuzz-current.bin//')"
      done
      results+=("| $target | $seed | crashed (exit $rc): input saved to $folder | $each s |")
    elif [ "$target" = parser ]; then
      execs=$(echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["executions"])')
      results+=("| parser | $seed | $execs executions, 0 crashes | $each s |")
    else
      row=$(echo "$out" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("%d executions (%d segments, %d manifests; %d read whole, %d engine errors), 0 crashes" % (r["executions"], r["segments"], r["manifests"], r["read_whole"], r["engine_errors"]))')
      results+=("| engine | $seed | $row | $each s |")
    fi
  done
done
python3 - "$seconds" "${results[@]}" <<'PY'
import re, sys
seconds, rows = sys.argv[1], sys.argv[2:]
body = "<!-- fuzz:start -->\n| target | seed | result | budget |\n| --- | --- | --- | --- |\n" + "\n".join(rows) + "\n<!-- fuzz:end -->"
text = open("BENCHMARKS.md", encoding="utf-8").read()
text = re.sub(r"<!-- fuzz:start -->.*?<!-- fuzz:end -->", lambda _: body, text, flags=re.S)
open("BENCHMARKS.md", "w", encoding="utf-8").write(text)
print(body)
PY
