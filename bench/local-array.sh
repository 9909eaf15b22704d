#!/bin/sh
# Measures the local Batch engine on a 10,000-child array of `true` (two slots by default) against the raw cost
# of spawning as many processes, from Java and from the shell. Usage: [BENCH_PERSIST=true] bench/local-array.sh [SIZE] [SLOTS]
set -eu
size=${1:-10000}
slots=${2:-2}
root=$(cd "$(dirname "$0")/.." && pwd)

echo "shell baseline: $size x true, $slots at a time"
start=$(date +%s.%N)
seq "$size" | xargs -P "$slots" -I{} true
end=$(date +%s.%N)
echo "BENCH shell-spawn size=$size slots=$slots seconds=$(echo "$end - $start" | bc)"

cd "$root/engine"
../mvnw -q test -Dtest=LocalArrayBenchmarkTest -DexcludedTestGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.size="$size" -Dbench.slots="$slots" -Dbench.persist="${BENCH_PERSIST:-false}" 2>&1 | grep BENCH || {
  echo "benchmark failed; see engine/target/surefire-reports" >&2
  exit 1
}
