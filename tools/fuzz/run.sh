#!/bin/sh
# Builds the fuzzer against target/classes and runs it from the repository root.
# Usage: tools/fuzz/run.sh [--inputs N | --hours H] [--seed S] [--fuel F] [--ttf N]
# (run `mvn -q -B compile` first if target/classes is missing or stale)
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
[ -d target/classes ] || { echo "run.sh: target/classes is missing: run mvn -q -B compile" >&2; exit 2; }
out=target/fuzz-classes
mkdir -p "$out"
javac -nowarn -d "$out" -cp target/classes tools/fuzz/src/io/wasmlet/fuzz/*.java
exec java -Xss16m -cp "target/classes:$out" io.wasmlet.fuzz.Fuzz "$@"
