#!/bin/sh
# The counting build: dynamic Jop counts (singles, adjacent pairs, triples) per workload, the
# bytecodes each CompiledLoop.run case executes (from javap), and bytecodes per Wasm instruction.
# Copies src/main/java to a scratch directory, patches the two dispatch switches to call
# JopCounter, compiles the copy there; the runtime itself is never changed.
#   mvn -q -B package -DskipTests && sh tools/jopcount/run.sh [workload...]
set -e
cd "$(dirname "$0")/../.."
out=${TMPDIR:-/tmp}/wasmlet-jopcount
rm -rf "$out" && mkdir -p "$out/src" "$out/classes"
cp -r src/main/java/. "$out/src/"
cp tools/jopcount/JopCounter.java "$out/src/io/wasmlet/exec/"
sed -i 's/switch (c\[pc++\]) {/switch (JopCounter.hit(c[pc++])) {/' "$out/src/io/wasmlet/exec/CompiledLoop.java"
sed -i 's/switch (code\[pc++\]) {/switch (JopCounter.interp(code[pc++])) {/' "$out/src/io/wasmlet/exec/Interpreter.java"
grep -q JopCounter.hit "$out/src/io/wasmlet/exec/CompiledLoop.java"
grep -q JopCounter.interp "$out/src/io/wasmlet/exec/Interpreter.java"
find "$out/src" -name '*.java' > "$out/files"
javac -nowarn -cp target/classes -d "$out/classes" @"$out/files"

javap -c -p -cp target/classes io.wasmlet.exec.CompiledLoop > "$out/loop.javap"
javap -c -p -cp target/classes io.wasmlet.exec.CompiledOps > "$out/ops.javap"
javap -c -p -cp target/classes io.wasmlet.exec.Interpreter > "$out/interp.javap"
java -Xmx1g -cp "$out/classes:target/classes" tools/jopcount/JopCounts.java "$out/loop.javap" "$out/ops.javap" "$out/interp.javap" "$@"
