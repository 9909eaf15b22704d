#!/bin/sh
# Times the runner on the local engine at scale: N items (default 25,001) through two N_TO_N array stages and an
# aggregation, a trivial command per child. Prints items, arrays per stage, SubmitJob calls and seconds.
# Usage: bench/scale.sh            (runs ScaleTest's 20,001 and 25,001 cases)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -B -f offline.xml -DskipTests -pl engine -am install >/dev/null
cd engine
start=$(date +%s)
../mvnw -q test -Dtest=ScaleTest -DexcludedTestGroups=none -Dsurefire.failIfNoSpecifiedTests=false
end=$(date +%s)
grep -h "Tests run\|testcase" target/surefire-reports/TEST-io.jenkins.plugins.awsbatch.engine.run.ScaleTest.xml \
  | sed -n 's/.*testcase name="\([^"]*\)".*time="\([^"]*\)".*/BENCH scale \1 seconds=\2/p'
echo "BENCH scale total wall seconds=$((end - start)) on $(nproc) cores"
