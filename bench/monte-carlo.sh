#!/usr/bin/env bash
# Benchmark (not a test): Monte Carlo, 10,000 trials x 90 counties x the reference scheme on local
# Spark. Usage: bench/monte-carlo.sh [trials] [master]   (defaults: 10000 local[2])
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
mvn -B -o -q -pl jobs dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt
home="$PWD"
# The Java 17 flags Spark needs, as the launchers have them.
# shellcheck source=../jobs/bin/lib/common.sh
source "$home/jobs/bin/lib/common.sh"
export SPARK_LOCAL_IP=127.0.0.1
exec "$java_cmd" -Xmx2g "${opens[@]}" -Dfile.encoding=UTF-8 -Dsaima.home="$PWD" \
  -cp "jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/test-classpath.txt)" \
  io.saima.bench.MonteCarloBenchmark "$@"
