#!/usr/bin/env bash
# Runs the side-by-side comparison.
#
#   tools/bench/run.sh                 the full run: every workload and runtime, both modes (HotSpot
#                                      defaults, then -Xint; about 10 min on 2 cores before the chicory-compiler row). The only run that
#                                      writes tools/bench/results/: latest.md (tables), chart-hotspot.png,
#                                      chart-xint.png, raw-hotspot.tsv, raw-xint.tsv.
#   tools/bench/run.sh ARGS            a subset run: --hotspot-only or --xint-only, and any other
#                                      arguments go to the driver (e.g. --workloads crc32,fft
#                                      --runtimes wasmlet,chicory). It writes report.md, its charts and
#                                      raw files into its own directory, tools/bench/results/subset-TIMESTAMP/
#                                      (git-ignored), or into --out DIR; never into tools/bench/results/.
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

args_given="$*"
modes=(hotspot xint)
extra=()
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --hotspot-only) modes=(hotspot) ;;
        --xint-only) modes=(xint) ;;
        --out) out="${2:?--out needs a directory}"; shift ;;
        *) extra+=("$1") ;;
    esac
    shift
done
results="$BENCH/results"
if [ ${#modes[@]} -eq 2 ] && [ ${#extra[@]} -eq 0 ] && [ -z "$out" ]; then
    out="$results"          # the full run: the committed results
    full=1
else
    full=0
    out="${out:-$results/subset-$(date +%Y%m%d-%H%M%S)}"
    mkdir -p "$out"
    out="$(cd "$out" && pwd)"
    if [ "$out" = "$results" ]; then
        echo "run.sh: a subset run may not write into tools/bench/results/ (only the full run does)" >&2
        exit 2
    fi
fi

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
        --out-dir "$out" ${flag[@]+"${flag[@]}"} ${extra[@]+"${extra[@]}"}
done

if [ "$full" = 1 ]; then
    command="tools/bench/run.sh"
    report="$out/latest.md"
else
    command="tools/bench/run.sh $args_given"
    report="$out/report.md"
fi
java -Djava.awt.headless=true -cp "$CP" io.wasmlet.bench.Report --root "$ROOT" --dir "$out" --command "$command"
echo "== done in $(( $(date +%s) - start )) s: ${report#"$ROOT"/}"
