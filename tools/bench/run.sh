#!/usr/bin/env bash
# Runs the whole side-by-side comparison and writes tools/bench/results/: latest.md (tables),
# chart-hotspot.png and chart-xint.png, raw-hotspot.tsv and raw-xint.tsv.
#
#   tools/bench/run.sh                 both modes: HotSpot defaults, then -Xint (about 10 min on 2 cores)
#   tools/bench/run.sh --hotspot-only  or --xint-only; any other arguments go to the driver
#                                      (e.g. --workloads crc32,fft --runtimes wasmlet,chicory)
#
# Needs a JDK 17+, Maven (for the runtime jar, and Chicory and JFreeChart from Maven Central),
# gcc (native twins; skipped if absent) and node (skipped if absent). Not clang: the .wasm files
# are committed (tools/workloads/build.sh rebuilds them).
#
# What it does: builds target/wasmlet.jar and this harness, copies the jar and the native
# binaries under tools/bench/target/ (so a `mvn clean` of the main build during a run does not
# pull them away), runs the driver (io.wasmlet.bench.Bench) once per mode, which starts one
# process per workload and runtime, then the report (io.wasmlet.bench.Report).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BENCH="$ROOT/tools/bench"
cd "$ROOT"

modes=(hotspot xint)
extra=()
for a in "$@"; do
    case "$a" in
        --hotspot-only) modes=(hotspot) ;;
        --xint-only) modes=(xint) ;;
        *) extra+=("$a") ;;
    esac
done

start=$(date +%s)
echo "== building target/wasmlet.jar"
mvn -q -B package -DskipTests
echo "== building the harness (tools/bench)"
(cd "$BENCH" && mvn -q -B package)
cp "$ROOT/target/wasmlet.jar" "$BENCH/target/wasmlet.jar"
if command -v gcc >/dev/null 2>&1; then
    "$ROOT/tools/workloads/build.sh" --native-only "$BENCH/target/native"
else
    echo "gcc not found: no native column"
fi

CP="$BENCH/target/classes"
for j in "$BENCH"/target/lib/*.jar; do CP="$CP:$j"; done
CP="$CP:$BENCH/target/wasmlet.jar"

for m in "${modes[@]}"; do
    echo "== mode $m"
    flag=()
    [ "$m" = xint ] && flag=(--xint)
    java -cp "$CP" io.wasmlet.bench.Bench --root "$ROOT" --native-dir "$BENCH/target/native" \
        ${flag[@]+"${flag[@]}"} ${extra[@]+"${extra[@]}"}
done

java -Djava.awt.headless=true -cp "$CP" io.wasmlet.bench.Report --root "$ROOT" --command "tools/bench/run.sh"
echo "== done in $(( $(date +%s) - start )) s: tools/bench/results/latest.md"
