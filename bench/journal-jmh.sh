#!/bin/sh
# JMH benchmarks of the local engine's journal (local-engine/src/jmh/java, compiled only with -Pbench): one line per
# status change and per child end, the whole 100,000-child table written (a compaction; what the old snapshot
# wrote about once a second) and replayed. Prints JMH's table.
# Usage: bench/journal-jmh.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
# -am: the Batch service API is built in the same reactor (local-engine is built last, so its classpath is the
# one left in $cp_file).
./mvnw -q -B -o -f offline.xml -pl local-engine -am -Pbench test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
java -cp "local-engine/target/test-classes:local-engine/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main \
    'io.jenkins.plugins.awsbatch.engine.batch.local.JournalBenchmark' "$@"
