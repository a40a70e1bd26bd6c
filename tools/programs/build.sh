#!/usr/bin/env bash
# Builds the real programs of tests/programs and records what they print natively.
#
#   tools/programs/build.sh
#
# 1. Each tests/programs/NAME.c is compiled to tests/programs/NAME.wasm with clang and Debian's
#    wasi-libc, and natively with gcc; each NAME.rs to NAME.wasm with Debian's rustc and its
#    wasm32-wasi standard library, and natively with the same rustc.
#    Each NAME.wat (small modules for the tests) becomes NAME.wasm with wat2wasm (wabt).
#    reactor*.c are WASI reactors (no main): built with -mexec-model=reactor, no native build.
#    Each NAME.c is also built for small boards into tests/programs/board/NAME.wasm: a linear
#    memory of 1-byte pages (the custom-page-sizes proposal, wasm-ld --page-size=1) that starts
#    at what the data and an 8 KiB stack take (wasm-ld's default stack is 64 KiB) and may grow
#    to 32 KiB in all (--max-memory=32768), instead of whole 64 KiB pages. This needs clang 22:
#    $CLANG22 if set, else the npm package @yowasp/clang (clang 22 compiled to WebAssembly, run
#    by Node.js through tools/programs/yowasp-clang.mjs; installed into target/yowasp on first
#    use). tools/programs/board-heap.c is linked in place of wasi-libc's sbrk and dlmalloc,
#    which count 64 KiB pages. The board builds print what the normal builds print, so they
#    share the recorded .stdout files.
# 2. Each case of tests/programs/cases.txt is run natively; its stdout becomes
#    tests/programs/CASE.stdout, and its exit status must be the one the case names.
# The .wasm and .stdout files are committed, so the tests need no compiler.
#
# Needs (Debian 12): apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32 gcc \
#                    rustc libstd-rust-dev-wasm32 wabt nodejs npm
# Rust is built with /usr/bin/rustc (Debian's, which matches libstd-rust-dev-wasm32), not a
# rustup rustc that may come first on PATH; set RUSTC to override. Without the Rust packages
# the .rs programs are skipped and their committed .wasm kept.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
src="$root/tests/programs"
native="$root/target/programs-native"
mkdir -p "$native"

CLANG="${CLANG:-clang}"
RUSTC="${RUSTC:-/usr/bin/rustc}"
WASI_CFLAGS=(--target=wasm32-wasi -O2 -Wall -Wl,--strip-all)
BOARD_FLAGS=(--target=wasm32-wasip1 -O2 -Wall -Wl,--strip-all -Wl,--page-size=1 -Wl,-z,stack-size=8192
             -Wl,--max-memory=32768)
YOWASP_CLANG_VERSION=22.0.0-git20542-10
mkdir -p "$src/board"
board_cc() { # OUTPUT.wasm SOURCE.c: a board build with clang 22
    if [ -n "${CLANG22:-}" ]; then
        "$CLANG22" "${BOARD_FLAGS[@]}" -o "$1" "$2" "$root/tools/programs/board-heap.c"
        return
    fi
    local pkg="$root/target/yowasp/node_modules/@yowasp/clang"
    if [ ! -d "$pkg" ]; then
        npm install --silent --no-save --prefix "$root/target/yowasp" "@yowasp/clang@$YOWASP_CLANG_VERSION"
    fi
    YOWASP_CLANG="$pkg" node "$root/tools/programs/yowasp-clang.mjs" "$1" "${BOARD_FLAGS[@]}" "$2" \
        "$root/tools/programs/board-heap.c" 2>&1 | grep -v '^yowasp-llvm: fetched' || true
    [ -s "$1" ]
}
if [ -d /usr/share/wasi-sysroot ]; then
    WASI_CFLAGS+=(--sysroot=/usr/share/wasi-sysroot)
fi

for c in "$src"/*.c; do
    name="$(basename "$c" .c)"
    case "$name" in reactor*) continue ;; esac
    echo "clang  $name.c -> tests/programs/$name.wasm"
    "$CLANG" "${WASI_CFLAGS[@]}" -o "$src/$name.wasm" "$c"
    echo "clang 22  $name.c -> tests/programs/board/$name.wasm (1-byte pages, 8 KiB stack, at most 32 KiB)"
    board_cc "$src/board/$name.wasm" "$c"
    gcc -O2 -Wall -o "$native/$name" "$c"
done

for c in "$src"/reactor*.c; do
    [ -e "$c" ] || continue
    name="$(basename "$c" .c)"
    echo "clang  $name.c -> tests/programs/$name.wasm (reactor)"
    "$CLANG" "${WASI_CFLAGS[@]}" -mexec-model=reactor -o "$src/$name.wasm" "$c"
done

rust=no
if [ -x "$RUSTC" ] && [ -d "$("$RUSTC" --print sysroot)/lib/rustlib/wasm32-wasi" ]; then
    rust=yes
fi
for rs in "$src"/*.rs; do
    [ -e "$rs" ] || continue
    name="$(basename "$rs" .rs)"
    if [ "$rust" = yes ]; then
        echo "rustc  $name.rs -> tests/programs/$name.wasm"
        "$RUSTC" --edition 2021 --target wasm32-wasi -C opt-level=2 -C strip=symbols -C panic=abort \
            -o "$src/$name.wasm" "$rs"
        "$RUSTC" --edition 2021 -C opt-level=2 -o "$native/$name" "$rs"
    else
        echo "skip   $name.rs: no wasm32-wasi Rust standard library (apt-get install rustc libstd-rust-dev-wasm32)" >&2
    fi
done

for w in "$src"/*.wat; do
    [ -e "$w" ] || continue
    name="$(basename "$w" .wat)"
    echo "wat2wasm $name.wat -> tests/programs/$name.wasm"
    wat2wasm "$w" -o "$src/$name.wasm"
done

# Run the cases natively and record their stdout.
trim() { local s="$1"; s="${s#"${s%%[![:space:]]*}"}"; echo "${s%"${s##*[![:space:]]}"}"; }
status=0
while IFS='|' read -r name program args env stdin code; do
    name="$(trim "$name")"
    case "$name" in ''|'#'*) continue ;; esac
    program="$(trim "$program")"; args="$(trim "$args")"; env="$(trim "$env")"
    stdin="$(trim "$stdin")"; code="$(trim "$code")"
    if [ ! -x "$native/$program" ]; then
        echo "skip   case $name: no native $program" >&2
        continue
    fi
    tmp="$(mktemp -d)"
    cp -r "$src/data/." "$tmp/"
    argv=()
    if [ "$args" != - ]; then
        for a in $args; do
            [ "$a" = @DIR ] && a="$tmp"
            argv+=("$a")
        done
    fi
    envv=()
    if [ "$env" != - ]; then
        for e in $env; do envv+=("$e"); done
    fi
    input=/dev/null
    [ "$stdin" != - ] && input="$src/$stdin"
    set +e
    (cd "$tmp" && env -i "${envv[@]}" "$native/$program" "${argv[@]}" <"$input" >"$src/$name.stdout" 2>/dev/null)
    got=$?
    set -e
    rm -rf "$tmp"
    if [ "$got" != "$code" ]; then
        echo "FAIL   case $name: native exit status $got, cases.txt says $code" >&2
        status=1
    else
        echo "ran    case $name natively: exit $got, $(wc -c <"$src/$name.stdout") bytes -> tests/programs/$name.stdout"
    fi
done <"$src/cases.txt"
exit $status
