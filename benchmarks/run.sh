#!/usr/bin/env bash
# Runs the JMH suite once per database and writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh [--short] [H2] [POSTGRESQL] [MARIADB]
#
# --short: one fork, 8 x 0.5 s warm-up and 4 x 0.5 s measured iterations, N in {100, 10 000} (N = 1 is the get-by-key
#          scenario); the 1 M-row stream 2 warm-up and 3 measured shots. About 10 minutes per database on 2 cores
#          (PostgreSQL: plus about 3 minutes for Hibernate Reactive's run).
# Default: the harness settings of BENCHMARKING.md (2 forks, 5 x 1 s warm-up, 5 x 2 s measured, N in {1, 100, 10 000});
#          the stream 3 warm-up and 5 measured shots.
# JMH_HARNESS="<jmh options>" replaces the harness options (forks, iterations, parameters) of the timed benchmarks.
# Without database names it runs all three. Set JMH_INCLUDE to a regular expression to run some benchmarks only.
# After the JMH run of each database (unless JMH_INCLUDE is set), Interleaved measures each scenario's Sluice arm and its raw
# arm taking turns in one JVM (full: 4 warm-up + 10 rounds of 500 ms slices, about 5 minutes per database; short: 3 + 6
# rounds of 300 ms, about 2 minutes per database): results/<DB>-interleaved.csv.
# Results: benchmarks/results/<DB>.csv (JMH), <DB>.log (JMH's output), <DB>.txt (the machine and its load), RESULTS.md.
# With POSTGRESQL, Hibernate Reactive's module runs too (results/POSTGRESQL-hibernate.csv), right after the main run.
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
    harness=(-f 1 -wi 8 -w 500ms -i 4 -r 500ms -p n=100,10000)
    shots=(-f 1 -wi 2 -i 3)
    interleaved=(6 300 3)
else
    harness=(-f 2 -wi 5 -w 1s -i 5 -r 2s)
    shots=(-f 2 -wi 3 -i 5)
    interleaved=(10 500 4)
fi
# JMH_HARNESS replaces the harness options of either mode, e.g. "-f 1 -wi 4 -w 1s -i 5 -r 1s -p n=100,10000".
if [ -n "${JMH_HARNESS:-}" ]; then
    read -r -a harness <<< "$JMH_HARNESS"
fi

build=(-q -pl benchmarks -am package -DskipTests -Djacoco.skip=true
       dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
(cd .. && (mvn -o "${build[@]}" || mvn "${build[@]}"))
classpath="target/classes:$(cat target/classpath.txt)"
if [[ " ${databases[*]} " == *" POSTGRESQL "* ]]; then
    build[2]=benchmarks/hibernate-reactive
    (cd .. && (mvn -o "${build[@]}" || mvn "${build[@]}"))
    hibernate_classpath="hibernate-reactive/target/classes:$(cat hibernate-reactive/target/classpath.txt)"
fi

# Every arm's fork gets the same fixed heap and the throughput collector: with a growing G1 heap the 10,000-row
# operations swung by 3-5x between iterations, which hid every difference between arms.
heap_args="-Xms2g -Xmx2g -XX:+UseParallelGC"

mkdir -p results
for database in "${databases[@]}"; do
    {
        echo "database:  $database ($mode mode: ${harness[*]} -t 1 -prof gc, forks with $heap_args)"
        echo "started:   $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "machine:   $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB"
        echo "java:      $(java -version 2>&1 | head -1)"
        echo "load:      $(uptime | sed 's/.*load average: //') (1, 5, 15 min) at start"
        echo "other JVMs at start: $(pgrep -c java || true) ($(ps -eo args= | grep -c '[m]aven\|[p]lexus-classworlds' || true) Maven builds)"
    } > "results/$database.txt"
    echo "== $database: JMH ${harness[*]}"
    rm -f "results/$database"*.csv
    java -cp "$classpath" org.openjdk.jmh.Main "${JMH_INCLUDE:-io.sluice.benchmarks.*Benchmark}" -e StreamBenchmark \
        "${harness[@]}" -t 1 -prof gc -jvmArgsAppend "$heap_args" -foe false \
        -p database="$database" -rf csv -rff "results/$database.csv" 2>&1 | tee "results/$database.log"
    if [ -z "${JMH_INCLUDE:-}" ]; then
        # Sluice and its raw arm taking turns in one JVM: the ratios the targets are judged on (see Interleaved).
        echo "== $database: interleaved Sluice / raw pairs (rounds, slice ms, warm-up rounds: ${interleaved[*]})"
        # shellcheck disable=SC2086
        java $heap_args -cp "$classpath" io.sluice.benchmarks.Interleaved "$database" "results/$database-interleaved.csv" \
            "${interleaved[@]}" 2>&1 | tee "results/$database-interleaved.log"
    fi
    if [[ "${JMH_INCLUDE:-Stream}" == *Stream* ]]; then
        echo "== $database: 1 M-row stream, JMH ${shots[*]}"
        # 64 MiB and the serial collector (StreamBenchmark's own fork settings); H2 keeps the million rows in the same heap.
        heap=()
        [ "$database" = H2 ] && heap=(-jvmArgsAppend "-Xmx512m -XX:+UseSerialGC")
        java -cp "$classpath" org.openjdk.jmh.Main StreamBenchmark "${shots[@]}" "${heap[@]}" -t 1 -prof gc -foe false \
            -p database="$database" -rf csv -rff "results/$database-stream.csv" 2>&1 | tee "results/$database-stream.log"
    fi
    if [ "$database" = POSTGRESQL ] && [ -z "${JMH_INCLUDE:-}" ]; then
        # Hibernate Reactive: its own module (Netty 4.1 through Vert.x) and so its own JMH run, right after.
        echo "== $database: Hibernate Reactive, JMH ${harness[*]}"
        java -cp "$hibernate_classpath" org.openjdk.jmh.Main "${JMH_HIBERNATE_INCLUDE:-io.sluice.benchmarks.hibernate.*Benchmark}" \
            "${harness[@]}" -t 1 -prof gc -jvmArgsAppend "$heap_args" -foe false \
            -rf csv -rff "results/$database-hibernate.csv" 2>&1 | tee "results/$database-hibernate.log"
    fi
    {
        echo "finished:  $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "load:      $(uptime | sed 's/.*load average: //') (1, 5, 15 min) at the end"
        echo "other JVMs at the end: $(pgrep -c java || true) ($(ps -eo args= | grep -c '[m]aven\|[p]lexus-classworlds' || true) Maven builds)"
    } >> "results/$database.txt"
done

java -cp "$classpath" io.sluice.benchmarks.Report results results-notes.md RESULTS.md
echo "wrote benchmarks/RESULTS.md"
