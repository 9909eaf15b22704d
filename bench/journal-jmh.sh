#!/bin/sh
# JMH benchmarks of the local engine's journal (engine/src/jmh/java, compiled only with -Pbench): one line per
# status change and per child end, the whole 100,000-child table written (a compaction; what the old snapshot
# wrote about once a second) and replayed. Prints JMH's table.
# Usage: bench/journal-jmh.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -o -f offline.xml -pl engine -Pbench test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
java -cp "engine/target/test-classes:engine/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main \
    'io.jenkins.plugins.awsbatch.engine.batch.local.JournalBenchmark' "$@"
