# Sourced by jobs/bin/saima and jobs/bin/submit, after they have set `home` (the checkout):
# where the jars are, how they are built when missing or stale, which java runs them, and the
# flags Spark 3.5 needs on Java 17.
# shellcheck shell=bash

jar="$home/jobs/target/saima-jobs.jar"
app_jar="$home/jobs/target/saima-jobs-app.jar"
classpath_file="$home/jobs/target/classpath.txt"
spark_home_dir="$home/jobs/target/spark-home"

# Builds the job (mvn package, without the tests) when the jar or its classpath is missing, or
# older than a source or a POM. Both jars come out of the same build.
build_if_needed() {
  local needs_build=false
  if [ ! -f "$jar" ] || [ ! -f "$app_jar" ] || [ ! -f "$classpath_file" ]; then
    needs_build=true
  elif [ -n "$(find "$home/jobs/src/main" "$home/jobs/pom.xml" "$home/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
  if $needs_build; then
    echo "saima: building the job (mvn package, once; the first build downloads dependencies)..." >&2
    # Only the job (and the parent POM): kernel-check is a test tool the job does not need. The
    # format check is for `mvn verify`; a user's edit runs unformatted.
    run_maven -pl jobs -am -Dmaven.test.skip=true -Dspotless.check.skip=true package
  fi
}

# Runs Maven quietly in the checkout; on failure shows the end of its log and exits 1.
run_maven() {
  local log
  log="$(mktemp -t saima-build.XXXXXX)"
  if ! (cd "$home" && mvn -B -q "$@" >"$log" 2>&1); then
    echo "saima: the build failed; its last lines (full log: $log):" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  rm -f "$log"
}

java_cmd="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi

# What Spark 3.5 needs on Java 17 (the same set as spark.jvm.opens in pom.xml, the tests' argLine).
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

# The JVM decodes file names with the locale's charset: under cron's C/POSIX locale a file named
# 社零_5月.csv would be listed as ??_5?.csv and could not be opened. Landing files are named in
# Chinese as a matter of course, so run under a UTF-8 locale unless one is set already.
use_utf8_locale() {
  case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
    *UTF-8* | *utf8* | *UTF8* | *utf-8*) ;;
    *) export LC_ALL=C.UTF-8 ;;
  esac
}
