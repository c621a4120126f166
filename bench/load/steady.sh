#!/usr/bin/env bash
# Steady load without a checkpoint (docs/performance.md, the fourteenth session): a fresh SQLite server, 40 s of wrk
# at max on /v1/t, then 5,000 events/s for 40 s (+10 s warm-up); prints commits per second, records per commit, the
# server's and the journal writer's cores over 36 s of it, and the load generator's latencies (each second's in rate.txt, the
# collector's cycles in gc.log).
#   JAR=server/target/omotenashi.jar TAG=a bench/load/steady.sh      (results in /tmp/omotenashi-steady/$TAG)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; cd "$here/../.."; . .mvn/find-jdk.sh
PORT=18091; OUT=${OUT_BASE:-/tmp/omotenashi-steady}/$TAG; rm -rf $OUT; mkdir -p $OUT; TOKEN=t$RANDOM
OMOTENASHI_ADMIN_TOKEN=$TOKEN $JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -XX:+UseZGC ${OPTS:-} -Xlog:gc:file=$OUT/gc.log -jar $JAR demo --port $PORT --data $OUT/data --rate-limit-client 0 --rate-limit-site 0 --bench-endpoints > $OUT/server.log 2>&1 &
pid=$!
trap "kill $pid 2>/dev/null" EXIT
for i in $(seq 1 240); do curl -sf localhost:$PORT/ready >/dev/null 2>&1 && grep -q 'demo site' $OUT/server.log && break; sleep 0.5; done
KEY=$(curl -sf -H "Authorization: Bearer $TOKEN" localhost:$PORT/api/v1/sites/demo-shop | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
wrk -t2 -c128 -d40s --timeout 10s -s bench/load/track.lua http://127.0.0.1:$PORT/v1/t -- $KEY w$RANDOM > $OUT/warm.txt 2>&1
m() { curl -s localhost:$PORT/metrics | awk -v m="$1" '$1 ~ "^"m"({|$)" { s += $NF } END { printf "%.0f", s }'; }
( sleep 12; c0=$(m omotenashi_journal_commits_total); r0=$(m omotenashi_journal_records_total); t0=$(awk '{print $14+$15}' /proc/$pid/stat); w0=$(cat /proc/$pid/task/*/stat | awk '$2 ~ /journal-writer/ {print $14+$15}');
  sleep 36; c1=$(m omotenashi_journal_commits_total); r1=$(m omotenashi_journal_records_total); t1=$(awk '{print $14+$15}' /proc/$pid/stat); w1=$(cat /proc/$pid/task/*/stat | awk '$2 ~ /journal-writer/ {print $14+$15}');
  echo "commits/s $(( (c1-c0)/36 )) records/commit $(awk -v r=$((r1-r0)) -v c=$((c1-c0)) 'BEGIN{printf "%.2f", r/c}') server cores $(awk -v t=$((t1-t0)) 'BEGIN{printf "%.3f", t/100/36}') writer cores $(awk -v t=$((w1-w0)) 'BEGIN{printf "%.3f", t/100/36}')" > $OUT/steady.txt ) & sj=$!
$JAVA_HOME/bin/java -XX:+UseSerialGC -Xmx512m bench/load/RateLoad.java --url http://127.0.0.1:$PORT/v1/t --site $KEY --run r$RANDOM --events-per-second 5000 --seconds 40 --warmup 10 --connections 256 --series true > $OUT/rate.txt 2>&1
wait $sj
echo "$TAG: $(cat $OUT/steady.txt) | $(grep RESULT $OUT/rate.txt | sed 's/.*p50_ms/p50_ms/')"
