#!/bin/sh
# Memory and state writes of the local engine: the CLI runs SIZE items through STAGES array stages of `true`
# chained N_TO_N, with the default heap, started as users start it (bin/batchgraph, with its JVM options). Prints wall seconds, max RSS (/usr/bin/time -v), bytes the CLI wrote
# (/proc/<pid>/io write_bytes and wchar, its whole life), the engine's state folder at the end, and from the GC
# log the most heap in use after a collection and the most committed.
# Usage: bench/local-memory.sh [SIZE] [STAGES] [SLOTS]        (defaults 100000, 3, 2)
#        BENCH_JAR=path/to/batchgraph.jar measures another build (e.g. the one before a change).
#        BENCH_JAVA_OPTS adds JVM options (e.g. -XX:+UseG1GC: the collector bin/batchgraph does not choose).
#        BENCH_HISTO=SECONDS also prints a heap histogram (jcmd GC.class_histogram, top 15) that many seconds in.
set -eu
size=${1:-100000}
stages=${2:-3}
slots=${3:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${BENCH_JAR:-$root/cli/target/batchgraph.jar}
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -B -o -f offline.xml -DskipTests -pl engine,cli -am package >/dev/null)
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-local-memory.XXXXXX")
trap 'rm -rf "$work"' EXIT

seq "$size" | sed 's/.*/{"id":"i&"}/' >"$work/items.jsonl"
{
  echo "name: mem"
  echo "engine: local"
  echo "store: file://$work/runs"
  echo "plan: {items: {file: items.jsonl}}"
  echo "jobDefinitions: {t: {command: ['true']}}"
  echo "stages:"
  echo "  - {name: s1, jobDefinition: t}"
  s=2
  while [ "$s" -le "$stages" ]; do
    echo "  - {name: s$s, jobDefinition: t, dependsOn: [{stage: s$((s - 1)), type: N_TO_N}]}"
    s=$((s + 1))
  done
} >"$work/graph.yaml"

echo "bench: $size items x $stages stages, $slots slots, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), jar $jar," \
  "java options ${BENCH_JAVA_OPTS:-(launcher's)}"
start=$(date +%s.%N)
# the shell reaps java, so its /proc/<pid>/io then holds java's writes (and those of java's own children)
# (bin/batchgraph execs java, so the process measured is java itself)
BATCHGRAPH_JAR=$jar BATCHGRAPH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Xlog:gc:file=$work/gc.log" \
  /usr/bin/time -v -o "$work/time" sh -c '"$1/bin/batchgraph" run "$2" --slots "$3" --json >"$4/run.json" 2>"$4/run.err";
    rc=$?; cat /proc/$$/io >"$4/io"; exit $rc' sh "$root" "$work/graph.yaml" "$slots" "$work" &
timer=$!
if [ -n "${BENCH_HISTO:-}" ]; then
  sleep "$BENCH_HISTO"
  java_pid=$(pgrep -f "run $work/graph.yaml" | while read -r p; do [ "$(cat /proc/"$p"/comm)" = java ] && echo "$p"; done | head -1)
  if [ -n "$java_pid" ]; then jcmd "$java_pid" GC.class_histogram 2>/dev/null | head -20 >"$work/histo" || true; fi
fi
wait "$timer" || { tail -20 "$work/run.err" >&2; exit 1; }
s=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
rss=$(sed -n 's/^.*Maximum resident set size (kbytes): *//p' "$work/time")
state=$(du -sk "$work"/runs/*/local-batch 2>/dev/null | cut -f1 | head -1)
outcome=$(grep -o '"outcome" *: *"[A-Z]*"' "$work/run.json" | head -1)
wchar=$(sed -n 's/^wchar: *//p' "$work/io")
written=$(sed -n 's/^write_bytes: *//p' "$work/io")
echo "BENCH local-memory items=$size stages=$stages slots=$slots seconds=$s max-rss-kb=$rss wchar-mb=$((wchar / 1048576))" \
  "disk-write-mb=$((written / 1048576)) state-folder-kb=${state:-0} $outcome"
# G1's and Serial's lines read "Pause Young ... 230M->45M(380M)": the heap in use after a collection, and committed
live=$(grep -o 'M->[0-9]*M' "$work/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
committed=$(grep -o 'M([0-9]*M)' "$work/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
# after a full collection (the serial collector's young ones leave old garbage counted): the live heap
full=$(grep 'Pause Full' "$work/gc.log" | grep -o 'M->[0-9]*M' | tr -dc '0-9\n' | sort -n | tail -1)
echo "BENCH local-memory heap: most in use after a collection ${live:-0} MB, after a full one ${full:-(none)}${full:+ MB}," \
  "most committed ${committed:-0} MB, collections $(grep -c 'Pause' "$work/gc.log")"
if [ -f "$work/histo" ]; then cat "$work/histo"; fi
