#!/bin/sh
# Writes the planning benchmark's .xlsx (bench/XlsxItems.java: sheet Items, ROWS items) to OUT. Apache POI
# writes it: POI is a test dependency only, not in the CLI jar, so its class path is resolved here from the
# local Maven repository (or Maven Central), at the version offline.xml pins for the tests.
# Usage: bench/xlsx-items.sh OUT ROWS
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:.*<poi.version>\(.*\)</poi.version>.*:\1:p' "$root/offline.xml" | head -1)
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-xlsx-items.XXXXXX")
trap 'rm -rf "$work"' EXIT
cat >"$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>xlsx-items</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>org.apache.poi</groupId>
      <artifactId>poi-ooxml</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
</project>
EOF
"$root/mvnw" -q -B -ntp -f "$work/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$work/classpath" >/dev/null
# POI logs through the Log4j API, which has no provider here: its status line about that is left out
java -Dlog4j2.StatusLogger.level=OFF -cp "$(cat "$work/classpath")" "$root/bench/XlsxItems.java" "$1" "$2"
