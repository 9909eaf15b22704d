#!/bin/sh
# Side by side on this machine, rounds interleaved so a change in load hits every contender alike:
#   - the CLI running one array stage of SIZE children of `true` on the local engine (wall time, max RSS, run
#     folder size and files, calls from --json), against `xargs -P SLOTS` and a plain shell loop doing the same;
#   - `validate --plan` of a SIZE-row .xlsx (wall time, max RSS, the most heap still live after a collection
#     from the GC log, and whether it plans within -Xmx150m).
# Prints one BENCH line per measurement and the ratios of the medians.
# Usage: bench/local-array.sh [SIZE] [SLOTS] [ROUNDS]        (defaults 10000, 2, 1)
#        BENCH_JAR=path/to/batchgraph.jar measures another build (e.g. the one before a change).
#        BATCHGRAPH_JAVA_OPTS adds JVM options to the CLI's (bin/batchgraph starts it, as it does for users).
#        BENCH_IN_PROCESS=true also runs LocalArrayBenchmarkTest (the engine alone, in Maven's JVM).
set -eu
size=${1:-10000}
slots=${2:-2}
rounds=${3:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${BENCH_JAR:-$root/cli/target/batchgraph.jar}
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -B -o -f offline.xml -DskipTests -pl engine,cli -am package >/dev/null)
fi
# the engine runs as users start it: bin/batchgraph (its JVM options, plus BATCHGRAPH_JAVA_OPTS) on this jar
export BATCHGRAPH_JAR="$jar"
cli=$root/bin/batchgraph
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-local-array.XXXXXX")
trap 'rm -rf "$work"' EXIT
results=$work/results
: >"$results"

# the graph: one array stage over SIZE items, each child runs `true`
seq "$size" | sed 's/.*/{"id":"i&"}/' >"$work/items.jsonl"
cat >"$work/array.yaml" <<EOF
name: bench
engine: local
store: file://$work/runs
plan: {items: {file: items.jsonl}}
jobDefinitions: {t: {command: ['true']}}
stages:
  - {name: a, jobDefinition: t}
EOF
"$root/bench/xlsx-items.sh" "$work/items.xlsx" "$size" 2>/dev/null
cat >"$work/xlsx.yaml" <<EOF
name: benchxlsx
engine: local
store: file://$work/runs
plan: {items: {file: items.xlsx, sheet: Items, key: item_id}}
jobDefinitions: {t: {command: ['true']}}
stages:
  - {name: a, jobDefinition: t}
EOF

now() { date +%s.%N; }
elapsed() { printf '%.2f' "$(echo "$(now) - $1" | bc)"; }
record() { echo "$1 $2" >>"$results"; }
field() { sed -n "s/^.*$1: *//p" "$2" | head -1; }

echo "bench: $size items, $slots slots, $rounds round(s), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
round=1
while [ "$round" -le "$rounds" ]; do
  start=$(now)
  i=0
  while [ "$i" -lt "$size" ]; do /bin/true; i=$((i + 1)); done
  s=$(elapsed "$start")
  record shell "$s"
  echo "BENCH round=$round shell-loop seconds=$s"

  start=$(now)
  seq "$size" | xargs -P "$slots" -n 1 /bin/true
  s=$(elapsed "$start")
  record xargs "$s"
  echo "BENCH round=$round xargs-P$slots seconds=$s"

  rm -rf "$work/runs"
  start=$(now)
  /usr/bin/time -v -o "$work/time" "$cli" run "$work/array.yaml" --slots "$slots" --json \
      >"$work/run.json" 2>"$work/run.err" || { cat "$work/run.err" >&2; exit 1; }
  s=$(elapsed "$start")
  rss=$(field 'Maximum resident set size (kbytes)' "$work/time")
  folder=$(du -sk "$work/runs" | cut -f1)
  files=$(find "$work/runs" | wc -l)
  calls=$(grep -o '"calls" *: *{[^}]*}' "$work/run.json" | tr -d ' ' || true)
  record engine "$s"
  echo "BENCH round=$round engine seconds=$s max-rss-kb=$rss run-folder-kb=$folder run-folder-entries=$files $calls"

  rm -rf "$work/runs"
  start=$(now)
  BATCHGRAPH_JAVA_OPTS="${BATCHGRAPH_JAVA_OPTS:-} -Xlog:gc:file=$work/gc.log" /usr/bin/time -v -o "$work/time" "$cli" validate --plan "$work/xlsx.yaml" \
      >/dev/null 2>"$work/plan.err" || { cat "$work/plan.err" >&2; exit 1; }
  s=$(elapsed "$start")
  rss=$(field 'Maximum resident set size (kbytes)' "$work/time")
  # the most heap still in use after a collection ("Pause Young ... 24M->3M(30M)": 3)
  heap=$(grep -o 'M->[0-9]*M' "$work/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
  record xlsx "$s"
  if BATCHGRAPH_JAVA_OPTS="${BATCHGRAPH_JAVA_OPTS:-} -Xmx150m" "$cli" validate --plan "$work/xlsx.yaml" >/dev/null 2>&1; then small=yes; else small=no; fi
  echo "BENCH round=$round xlsx-plan rows=$size seconds=$s max-rss-kb=$rss live-heap-after-gc-mb=${heap:-0} plans-within-Xmx150m=$small"
  round=$((round + 1))
done

median() { grep "^$1 " "$results" | cut -d' ' -f2 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
engine=$(median engine)
echo "BENCH ratio engine/xargs-P$slots=$(echo "scale=2; $engine / $(median xargs)" | bc)" \
  "engine/shell-loop=$(echo "scale=2; $engine / $(median shell)" | bc)" \
  "(medians: engine ${engine}s, xargs $(median xargs)s, shell $(median shell)s, xlsx plan $(median xlsx)s;" \
  "load now $(cut -d' ' -f1-3 /proc/loadavg))"

if [ "${BENCH_IN_PROCESS:-false}" = true ]; then
  cd "$root"
  ./mvnw -q -B -o -f offline.xml -pl local-engine -am test -Dtest=LocalArrayBenchmarkTest -DexcludedTestGroups=none \
      -Dsurefire.failIfNoSpecifiedTests=false \
      -Dbench.size="$size" -Dbench.slots="$slots" -Dbench.persist="${BENCH_PERSIST:-false}" 2>&1 | grep BENCH || {
    echo "benchmark failed; see local-engine/target/surefire-reports" >&2
    exit 1
  }
fi
