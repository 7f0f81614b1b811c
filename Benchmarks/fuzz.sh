#!/usr/bin/env bash
# make fuzz: runs the fuzzer for a fixed budget (FUZZ_SECONDS, default 300) with three seeds,
# and writes the FUZZING section of BENCHMARKS.md. A crash leaves its input in
# bench-work/fuzz-current.bin: copy it to Tests/ReferatParsingTests/FuzzRegressions/ and it
# becomes a regression test (InputTests.fuzzRegressionsStillParse).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench-work
seconds=${FUZZ_SECONDS:-300}
bin=.build/release/referat
results=()
for seed in 1 2 3; do
  out=$($bin bench fuzz --seconds "$((seconds / 3))" --seed "$seed" 2>&1)
  rc=$?
  if [ $rc -ne 0 ]; then
    cp bench-work/fuzz-current.bin "Tests/ReferatParsingTests/FuzzRegressions/crash-seed$seed-$(date +%s).bin"
    results+=("| $seed | crashed (exit $rc): input saved to Tests/ReferatParsingTests/FuzzRegressions | |")
  else
    execs=$(echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["executions"])')
    results+=("| $seed | $execs executions, 0 crashes | $((seconds / 3)) s |")
  fi
done
python3 - "$seconds" "${results[@]}" <<'PY'
import re, sys
seconds, rows = sys.argv[1], sys.argv[2:]
body = "<!-- fuzz:start -->\n| seed | result | budget |\n| --- | --- | --- |\n" + "\n".join(rows) + "\n<!-- fuzz:end -->"
text = open("BENCHMARKS.md", encoding="utf-8").read()
text = re.sub(r"<!-- fuzz:start -->.*?<!-- fuzz:end -->", lambda _: body, text, flags=re.S)
open("BENCHMARKS.md", "w", encoding="utf-8").write(text)
print(body)
PY
