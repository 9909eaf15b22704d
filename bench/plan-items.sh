#!/bin/sh
# Planning at scale, the per-item layout against the packed one (plan.itemLayout), side by side in one JVM
# (PlanWriteBenchmarkTest, the planner's write phase: item records and manifest):
#   - ITEMS items (default 100,000) into a local folder: seconds per layout and their ratio;
#   - into S3 on moto (MOTO_ENDPOINT, else a moto started here with bin/moto): S3_ITEMS (default 100,000)
#     packed and S3_PER_ITEM (default 25,001; per-item takes minutes) per-item: seconds and PutObject calls.
# Prints one BENCH line per measurement.
# Usage: bench/plan-items.sh [ITEMS] [S3_ITEMS] [S3_PER_ITEM]
#        bench/plan-items.sh --jmh [COUNTS]   JMH of the planner's writers (PlanWritersJmhBenchmark: encoding
#                                             packed, planning packed and per-item into a folder), COUNTS items
#                                             (default 10000,100000); prints JMH's table
set -eu
if [ "${1:-}" = --jmh ]; then
  cd "$(dirname "$0")/.."
  ./mvnw -q -B -o -f offline.xml -pl engine -am test -Dtest=PlanWritersJmhTest -DexcludedTestGroups=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbench.jmhItems="${2:-10000,100000}" \
    | sed -n '/^Benchmark /,$p'
  exit
fi
items=${1:-100000}
s3_items=${2:-100000}
s3_per_item=${3:-25001}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ -z "${MOTO_ENDPOINT:-}" ]; then
  MOTO_ENDPOINT=$(bin/moto start | sed -n 's/^MOTO_ENDPOINT=//p')
  trap 'bin/moto stop >/dev/null' EXIT
fi
export MOTO_ENDPOINT
./mvnw -q -B -o -f offline.xml -pl engine -am test -Dtest=PlanWriteBenchmarkTest -DexcludedTestGroups=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.items="$items" -Dbench.s3Items="$s3_items" \
  -Dbench.s3PerItemItems="$s3_per_item" | grep '^BENCH'
echo "BENCH plan-write machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1)"
