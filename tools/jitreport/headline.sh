#!/bin/sh
# Interpreter-only against tiered, each in its own JVMs (so HotSpot's profile of either loop is
# its own), alternating ROUNDS times; prints each run's table, then per workload the best of
# the runs and the geometric mean of the ratios of the bests.
#   mvn -q -B package -DskipTests && sh tools/jitreport/headline.sh [bench|test] [ROUNDS] [JVM flags...]
# (CP= a copy of target/classes, to build meanwhile)
set -e
cd "$(dirname "$0")/../.."
size=${1:-bench}; rounds=${2:-3}; shift 2 || true
out=${TMPDIR:-/tmp}/wasmlet-headline; rm -rf "$out"; mkdir -p "$out"
i=0
while [ $i -lt "$rounds" ]; do
  for side in interp tiered; do
    java "$@" -cp "${CP:-target/classes}" tools/jitreport/JitReport.java headline "$size" 5 $side > "$out/$side.$i"
  done
  i=$((i + 1))
done
awk -F'|' '
  FNR <= 2 || $2 ~ /geometric/ { next }
  { w = $2; gsub(/ /, "", w); split(FILENAME, p, "/"); side = p[length(p)]; sub(/\..*/, "", side)
    v = (side == "interp") ? $3 + 0 : $4 + 0
    if (!(w in best) ) order[++n] = w
    k = w SUBSEP side
    if (!(k in b) || v < b[k]) b[k] = v; best[w] = 1 }
  END { print "| workload | interp ms (best of runs) | tiered ms (best of runs) | speed-up |"; print "|---|---:|---:|---:|"
        for (j = 1; j <= n; j++) { w = order[j]; r = b[w, "interp"] / b[w, "tiered"]; s += log(r)
          printf "| %s | %.1f | %.1f | %.2fx |\n", w, b[w, "interp"], b[w, "tiered"], r }
        printf "| geometric mean | | | **%.2fx** |\n", exp(s / n) }' "$out"/interp.* "$out"/tiered.*
