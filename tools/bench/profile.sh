#!/usr/bin/env bash
# Samples the wasmlet interpreter on one workload with async-profiler (CPU samples every 1 ms,
# JFR-format output) and prints where the main thread's time goes: by top frame (method), by
# wasm operator (dispatch-loop case label) and by source line. Findings:
# tools/bench/results/profile-notes.md.
#
#   tools/bench/profile.sh [--xint] WORKLOAD [N] [ITER]
#
# HotSpot (default): N = bench_n, ITER = 12, samples of the first 40% of the run dropped as
# warm-up, -XX:+DebugNonSafepoints for better line attribution. --xint: -Xint, N = test_n,
# ITER = 20, nothing dropped. Under -Xint only the method view is meaningful (see Profile.java).
#
# Builds the runtime jar from the working tree and the harness first (async-profiler comes from
# Maven Central with the harness: tools.profiler:async-profiler, native agent inside the jar).
# Leaves the recording in tools/bench/target/profile-WORKLOAD-MODE.jfr (JDK Mission Control
# opens it).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BENCH="$ROOT/tools/bench"
xint=0
if [ "${1:-}" = --xint ]; then xint=1; shift; fi
w="${1:?usage: profile.sh [--xint] WORKLOAD [N] [ITER]}"
line="$(awk -v w="$w" '$1 == w' "$ROOT/tests/workloads/checksums.txt")"
[ -n "$line" ] || { echo "unknown workload $w" >&2; exit 2; }
if [ "$xint" = 1 ]; then
    n="${2:-$(awk '{print $2}' <<<"$line")}"; iter="${3:-20}"; mode=xint; flags=(-Xint)
else
    n="${2:-$(awk '{print $4}' <<<"$line")}"; iter="${3:-12}"; mode=hotspot
    flags=(-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints)
fi

# The jar and the Interpreter source it was built from, snapshotted together (the operator view
# maps line numbers to case labels).
(cd "$ROOT" && mvn -q -B package -DskipTests)
(cd "$BENCH" && mvn -q -B package)
snap="$BENCH/target/profile-snapshot"
mkdir -p "$snap"
cp "$ROOT/target/wasmlet.jar" "$snap/wasmlet.jar"
cp "$ROOT/src/main/java/io/wasmlet/exec/Interpreter.java" "$snap/Interpreter.java"

case "$(uname -m)" in
    x86_64) arch=linux-x64 ;;
    aarch64) arch=linux-arm64 ;;
    *) echo "async-profiler: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
(cd "$BENCH/target/profiler" && unzip -o -q async-profiler.jar "$arch/libasyncProfiler.so")
agent="$BENCH/target/profiler/$arch/libasyncProfiler.so"

CP="$BENCH/target/classes"
for j in "$BENCH"/target/lib/*.jar; do CP="$CP:$j"; done
CP="$CP:$snap/wasmlet.jar"

out="$BENCH/target/profile-$w-$mode.jfr"
echo "== $w n=$n, $iter calls, $mode"
start=$(date +%s%N)
java "${flags[@]}" "-agentpath:$agent=start,event=cpu,interval=1ms,file=$out" \
    -cp "$CP" io.wasmlet.bench.Runner wasmlet "$ROOT/tests/workloads/$w.wasm" "$n" "$iter" \
    | awk '$1 == "iter" { printf "  call %s: %.1f ms\n", $2, $3 / 1e6 }' | tail -n 3
secs=$(( ($(date +%s%N) - start) / 1000000000 ))
skip=0
[ "$xint" = 0 ] && skip=$(( secs * 4 / 10 ))
java -cp "$CP" io.wasmlet.bench.Profile "$out" --skip-seconds "$skip" --interpreter-source "$snap/Interpreter.java"
