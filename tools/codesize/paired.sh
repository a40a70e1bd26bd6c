#!/usr/bin/env bash
# Paired interpreter timing of two wasmlet builds (issue 11: the compact code must not make the
# interpreter more than 5% slower): for each workload of tests/workloads, ROUNDS rounds, each
# running the OLD then the NEW jar (alternating which goes first) in fresh JVMs, interpreter-only
# store, best of CALLS calls per process. Prints per workload the median and the best over the
# rounds of each build, the new/old ratios of both and their geometric means (on HotSpot a
# process's speed depends on how C2 compiled the interpreter loop, which varies from run to run
# by up to 2x: the best over the rounds is the steadier figure there).
#   tools/codesize/paired.sh OLD.jar NEW.jar xint|hotspot [ROUNDS] [workload,...]
# xint: java -Xint, n = test_n, best of 3 calls; hotspot: n = bench_n, best of 15 calls (C2 needs
# several seconds to compile the interpreter loop on a loaded machine).
set -euo pipefail
cd "$(dirname "$0")/../.."
old=$1 new=$2 mode=$3 rounds=${4:-5} only=${5:-}
src=tools/codesize/InterpTime.java
if [ "$mode" = xint ]; then jvm=(-Xint); calls=3; else jvm=(); calls=15; fi
out=$(mktemp -d)
for j in old new; do
  jar=$([ $j = old ] && echo "$old" || echo "$new")
  mkdir -p "$out/$j" && javac -d "$out/$j" -cp "$jar" "$src"
done
printf '| workload | old ms (median) | new ms (median) | new/old | old ms (best) | new ms (best) | new/old |\n'
printf '|---|---:|---:|---:|---:|---:|---:|\n'
logsum=0; logbest=0; count=0
while read -r name test_n test_sum bench_n bench_sum; do
  case "$name" in \#*|"") continue;; esac
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then continue; fi
  n=$([ "$mode" = xint ] && echo "$test_n" || echo "$bench_n")
  want=$([ "$mode" = xint ] && echo "$test_sum" || echo "$bench_sum")
  : > "$out/old.t"; : > "$out/new.t"
  for ((r = 0; r < rounds; r++)); do
    order=$([ $((r % 2)) = 0 ] && echo "old new" || echo "new old")
    for j in $order; do
      jar=$([ $j = old ] && echo "$old" || echo "$new")
      res=$(java "${jvm[@]}" -cp "$jar:$out/$j" InterpTime "tests/workloads/$name.wasm" "$n" "$calls")
      got=$(echo "$res" | awk '/^result/{print $2}')
      [ "$got" = "$want" ] || { echo "checksum mismatch: $name $j got $got want $want" >&2; exit 1; }
      echo "$res" | awk '/^best_ns/{print $2}' >> "$out/$j.t"
    done
  done
  med() { sort -n "$1" | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
  o=$(med "$out/old.t"); w=$(med "$out/new.t")
  ob=$(sort -n "$out/old.t" | head -1); wb=$(sort -n "$out/new.t" | head -1)
  awk -v n="$name" -v o="$o" -v w="$w" -v ob="$ob" -v wb="$wb" \
    'BEGIN{printf "| %s | %.1f | %.1f | %.3f | %.1f | %.1f | %.3f |\n", n, o/1e6, w/1e6, w/o, ob/1e6, wb/1e6, wb/ob}'
  logsum=$(awk -v s="$logsum" -v o="$o" -v w="$w" 'BEGIN{print s + log(w/o)}')
  logbest=$(awk -v s="$logbest" -v o="$ob" -v w="$wb" 'BEGIN{print s + log(w/o)}'); count=$((count + 1))
done < tests/workloads/checksums.txt
awk -v s="$logsum" -v b="$logbest" -v c="$count" 'BEGIN{printf "| **geomean** | | | **%.3f** | | | **%.3f** |\n", exp(s/c), exp(b/c)}'
rm -rf "$out"
