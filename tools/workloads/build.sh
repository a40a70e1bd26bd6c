#!/usr/bin/env bash
# Builds the C workloads in tests/workloads/ to freestanding wasm32 (clang + wasm-ld) and to
# native code (gcc -O2), and checks that every wasm module computes the same checksum as its
# native twin on wasmlet (through its CLI), for both n values in tests/workloads/checksums.txt.
#
# Installs nothing. What it needs:
#   apt-get install -y clang lld     # Debian 12 (bookworm): clang 14, wasm-ld 14; the linker may
#                                    # be installed only as wasm-ld-14, which is handled below
#   gcc, a JDK 17 and Maven          # gcc for the native twins; the wasmlet jar is built if missing
# wabt (wasm2wat) is optional: when present it is used to check the modules contain no SIMD and
# import nothing.
#
# Usage: tools/workloads/build.sh [--update | --native-only [DIR]]
#   (no option)    rebuild the .wasm files and native binaries and verify the checksums: native
#                  and wasm must agree with each other and with checksums.txt
#   --update       same, but rewrite the checksum columns of checksums.txt from the native
#                  results (after checking wasm agrees); the n columns are kept
#   --native-only  only build the native binaries, into DIR if given (what tools/bench/run.sh
#                  needs); needs gcc only
#
# Outputs: tests/workloads/NAME.wasm (committed) and target/workloads/native/NAME (not committed).
#
# Flags, and why:
#   -O2                    the optimisation level a firmware build uses
#   -ffp-contract=off      (both compilers) no a*b+c contraction: clang's default "on" changes f32
#                          results even on targets without FMA, so native and wasm would differ
#   -ffreestanding -nostdlib, wasm_libc.c (wasm only, -fno-builtin): no libc; clang may still
#                          call memcpy/memset, which wasm_libc.c provides
#   --target=wasm32        clang's default features only: MVP (+ what the clang version enables by
#                          default). No -msimd128, so no SIMD; checked with wasm2wat when present
#   wasm-ld --no-entry     a library-style module: run() is exported by its export_name attribute
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SRC="$ROOT/tests/workloads"
SUMS="$SRC/checksums.txt"
OUT_NATIVE="$ROOT/target/workloads/native"
OBJ="$ROOT/target/workloads/obj"

mode=verify
case "${1:-}" in
    "") ;;
    --update) mode=update ;;
    --native-only) mode=native; [ -n "${2:-}" ] && OUT_NATIVE="$(mkdir -p "$2" && cd "$2" && pwd)" ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
esac

# Workload names, in checksums.txt order (comment lines start with #).
mapfile -t NAMES < <(awk '!/^#/ && NF { print $1 }' "$SUMS")

find_tool() { # first of the given names that is on PATH, else the highest versioned NAME-NN
    local t
    for t in "$@"; do
        if command -v "$t" >/dev/null 2>&1; then command -v "$t"; return 0; fi
    done
    for t in "$@"; do
        t="$(compgen -c "$t-" | grep -E "^$t-[0-9]+$" | sort -t- -k2 -n -r | head -n1 || true)"
        if [ -n "$t" ]; then command -v "$t"; return 0; fi
    done
    return 1
}

CFLAGS_COMMON=(-O2 -std=c11 -Wall -Wextra -ffp-contract=off)

build_native() {
    local gcc
    gcc="$(find_tool gcc cc)" || { echo "error: gcc not found" >&2; exit 1; }
    mkdir -p "$OUT_NATIVE"
    for w in "${NAMES[@]}"; do
        "$gcc" "${CFLAGS_COMMON[@]}" -o "$OUT_NATIVE/$w" "$SRC/$w.c" "$SRC/native_main.c" -lm
    done
    echo "native: built ${#NAMES[@]} binaries in ${OUT_NATIVE#"$ROOT"/} with $("$gcc" -dumpfullversion 2>/dev/null || echo gcc)"
}

build_wasm() {
    local clang wasmld
    clang="$(find_tool clang)" || { echo "error: clang not found: apt-get install -y clang lld" >&2; exit 1; }
    wasmld="$(find_tool wasm-ld)" || { echo "error: wasm-ld not found: apt-get install -y lld" >&2; exit 1; }
    mkdir -p "$OBJ"
    local wflags=(--target=wasm32 -ffreestanding -nostdlib "${CFLAGS_COMMON[@]}")
    "$clang" "${wflags[@]}" -fno-builtin -c "$SRC/wasm_libc.c" -o "$OBJ/wasm_libc.o"
    for w in "${NAMES[@]}"; do
        "$clang" "${wflags[@]}" -c "$SRC/$w.c" -o "$OBJ/$w.o"
        # -z stack-size: 64 KiB of C stack (clang's default too), stated so it does not drift
        "$wasmld" --no-entry -z stack-size=65536 -o "$SRC/$w.wasm" "$OBJ/$w.o" "$OBJ/wasm_libc.o"
        chmod 644 "$SRC/$w.wasm"
        if command -v wasm2wat >/dev/null 2>&1; then
            local wat
            wat="$(wasm2wat "$SRC/$w.wasm")"
            if grep -q 'v128' <<<"$wat"; then echo "error: $w.wasm uses SIMD" >&2; exit 1; fi
            if grep -q '(import ' <<<"$wat"; then echo "error: $w.wasm imports something" >&2; exit 1; fi
        fi
    done
    echo "wasm: built ${#NAMES[@]} modules in ${SRC#"$ROOT"/} with $("$clang" --version | head -n1)"
}

build_native
[ "$mode" = native ] && exit 0
build_wasm

JAR="$ROOT/target/wasmlet.jar"
if [ ! -f "$JAR" ]; then
    (cd "$ROOT" && mvn -q -B package -DskipTests)
fi

# Verify: native and wasm (on wasmlet) agree for test n and bench n; compare with the file.
fail=0
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
while IFS= read -r line; do
    case "$line" in ''|'#'*) printf '%s\n' "$line" >>"$tmp"; continue ;; esac
    read -r name test_n test_sum bench_n bench_sum <<<"$line"
    sums=()
    for n in "$test_n" "$bench_n"; do
        nat="$("$OUT_NATIVE/$name" "$n")"
        was="$(java -jar "$JAR" run --invoke run "$SRC/$name.wasm" "$n" 2>&1 || true)"
        if [ "$nat" != "$was" ]; then
            echo "MISMATCH $name n=$n: native $nat, wasmlet $was" >&2
            fail=1
        fi
        sums+=("$nat")
    done
    if [ "$mode" = verify ] && { [ "${sums[0]}" != "$test_sum" ] || [ "${sums[1]}" != "$bench_sum" ]; }; then
        echo "MISMATCH $name: checksums.txt has $test_sum/$bench_sum, native gives ${sums[0]}/${sums[1]}" >&2
        fail=1
    fi
    printf '%-10s %7s %12s %7s %12s\n' "$name" "$test_n" "${sums[0]}" "$bench_n" "${sums[1]}" >>"$tmp"
    echo "$name: n=$test_n -> ${sums[0]}, n=$bench_n -> ${sums[1]}"
done <"$SUMS"

if [ "$fail" -ne 0 ]; then
    echo "FAILED: see the mismatches above" >&2
    exit 1
fi
if [ "$mode" = update ]; then
    cp "$tmp" "$SUMS"
    echo "updated ${SUMS#"$ROOT"/}"
fi
echo "all ${#NAMES[@]} workloads: native and wasm checksums agree"
