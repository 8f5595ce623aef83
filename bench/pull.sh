#!/usr/bin/env bash
# Live-pull benchmark: generates (once) a seeded snapshot folder, seeds the Zendesk emulator from it
# with Enterprise limits (700 requests/min, 10 incremental exports/min) on a clock SCALE times faster
# than real time, and runs a full pull, then an incremental pull after ~1% of the records changed.
# Prints requests made against the fewest possible, wall time against the floor the limits impose,
# and the 429s received.
#
# Usage: bench/pull.sh [ACCOUNTS] [SCALE] [TICKET_LOOKBACK_DAYS]
#   ACCOUNTS  tenant size in the large tenant's proportions (default 2500: 2,000 orgs, 20,000 users,
#             25,000 memberships, 100,000 tickets over a year)
#   SCALE     emulated seconds per real second (default 20)
#   TICKET_LOOKBACK_DAYS  how far back tickets are pulled (default 400: all of them)
# Environment: BENCH_DATA (default ./bench-data, git-ignored), BENCH_HEAP (default 2g).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
accounts="${1:-2500}"
scale="${2:-20}"
lookback="${3:-400}"
data="${BENCH_DATA:-$here/bench-data}"
heap="${BENCH_HEAP:-2g}"
cd "$here"

echo "building (mvn test-compile)..." >&2
mvn -B -q -DskipTests -Dspotless.check.skip=true test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

dir="$data/pull-$accounts"
if [ ! -f "$dir/expected_counts.json" ]; then
  echo "generating $dir ..." >&2
  rm -rf "$dir"
  java -Xmx2g -cp "$cp" io.plumbline.bench.Generate "$dir" "$accounts"
fi
out="$data/pull-out-$accounts"
rm -rf "$out"
java "-Xmx$heap" -cp "$cp" io.plumbline.bench.PullBench "$dir" "$out" "$scale" "$lookback"
