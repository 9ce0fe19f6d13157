#!/usr/bin/env bash
# Benchmark (not a test): Monte Carlo, 10,000 trials x 90 counties x the reference scheme on local
# Spark. Usage: bench/monte-carlo.sh [trials] [master]   (defaults: 10000 local[2])
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
mvn -B -o -q -pl jobs dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt
opens=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
)
export SPARK_LOCAL_IP=127.0.0.1
exec java -Xmx2g "${opens[@]}" -Dfile.encoding=UTF-8 -Dsaima.home="$PWD" \
  -cp "jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/test-classpath.txt)" \
  io.saima.bench.MonteCarloBenchmark "$@"
