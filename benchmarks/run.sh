#!/usr/bin/env bash
# Runs the JMH suite once per database and writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh [--short] [H2] [POSTGRESQL] [MARIADB]
#
# --short: one fork, 1 warm-up and 3 measured iterations of 1 s (under 10 minutes per database on 2 cores).
# Default: the harness settings of BENCHMARKING.md (2 forks, 5 x 1 s warm-up, 5 x 2 s measured).
# Without database names it runs all three. Set JMH_INCLUDE to a regular expression to run some benchmarks only.
# Results: benchmarks/results/<DB>.csv (JMH), <DB>.log (JMH's output), <DB>.txt (the machine and its load), RESULTS.md.
# CI never runs this script; `mvn verify` runs only the statement-count tests.
set -euo pipefail
cd "$(dirname "$0")"

mode=full
databases=()
for arg in "$@"; do
    case "$arg" in
        --short) mode=short ;;
        H2|POSTGRESQL|MARIADB) databases+=("$arg") ;;
        *) echo "usage: $0 [--short] [H2] [POSTGRESQL] [MARIADB]" >&2; exit 2 ;;
    esac
done
[ ${#databases[@]} -eq 0 ] && databases=(H2 POSTGRESQL MARIADB)

if [ "$mode" = short ]; then
    harness=(-f 1 -wi 1 -w 1s -i 3 -r 1s)
else
    harness=(-f 2 -wi 5 -w 1s -i 5 -r 2s)
fi

build=(-q -pl benchmarks -am package -DskipTests -Djacoco.skip=true
       dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
(cd .. && (mvn -o "${build[@]}" || mvn "${build[@]}"))
classpath="target/classes:$(cat target/classpath.txt)"

mkdir -p results
for database in "${databases[@]}"; do
    {
        echo "database:  $database ($mode mode: ${harness[*]} -t 1 -prof gc)"
        echo "started:   $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "machine:   $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB"
        echo "java:      $(java -version 2>&1 | head -1)"
        echo "load:      $(uptime | sed 's/.*load average: //') (1, 5, 15 min) at start"
        echo "other JVMs at start: $(pgrep -c java || true) ($(ps -eo args= | grep -c '[m]aven\|[p]lexus-classworlds' || true) Maven builds)"
    } > "results/$database.txt"
    echo "== $database: JMH ${harness[*]}"
    java -cp "$classpath" org.openjdk.jmh.Main "${JMH_INCLUDE:-io.sluice.benchmarks.*Benchmark}" \
        "${harness[@]}" -t 1 -prof gc -jvmArgsAppend -Xmx1g -foe false \
        -p database="$database" -rf csv -rff "results/$database.csv" 2>&1 | tee "results/$database.log"
    {
        echo "finished:  $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "load:      $(uptime | sed 's/.*load average: //') (1, 5, 15 min) at the end"
        echo "other JVMs at the end: $(pgrep -c java || true) ($(ps -eo args= | grep -c '[m]aven\|[p]lexus-classworlds' || true) Maven builds)"
    } >> "results/$database.txt"
done

java -cp "$classpath" io.sluice.benchmarks.Report results results-notes.md RESULTS.md
echo "wrote benchmarks/RESULTS.md"
