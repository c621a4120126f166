#!/usr/bin/env bash
# The latency phase of run.sh on its own, with the p99 of each second (docs/performance.md, the fourteenth session):
# a fresh SQLite server, 60 s of wrk at max on /v1/t, a first checkpoint, then RATE events/s for 60 s (+10 s warm-up)
# with a second checkpoint 40 s after the load generator starts (about 30 s into the measured minute).
#   JAR=server/target/omotenashi.jar TAG=a bench/load/checkpoint-latency.sh     (results in /tmp/omotenashi-latency/$TAG)
#   OPTS="-XX:+UseZGC -Dx=y" ...: the server's JVM options; WARM=60: seconds of wrk
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; cd "$here/../.."; . .mvn/find-jdk.sh
PORT=18090; OUT=${OUT_BASE:-/tmp/omotenashi-latency}/$TAG; rm -rf $OUT; mkdir -p $OUT
TOKEN=t$RANDOM
OMOTENASHI_ADMIN_TOKEN=$TOKEN $JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED ${OPTS:--XX:+UseZGC} -Xlog:gc:file=$OUT/gc.log -jar $JAR demo --port $PORT --data $OUT/data --rate-limit-client 0 --rate-limit-site 0 --bench-endpoints > $OUT/server.log 2>&1 &
pid=$!
trap "kill $pid 2>/dev/null; wait $pid 2>/dev/null" EXIT
for i in $(seq 1 240); do curl -sf localhost:$PORT/ready >/dev/null 2>&1 && grep -q 'demo site' $OUT/server.log && break; sleep 0.5; done
KEY=$(curl -sf -H "Authorization: Bearer $TOKEN" localhost:$PORT/api/v1/sites/demo-shop | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
wrk -t2 -c128 -d${WARM:-60}s --timeout 10s -s bench/load/track.lua http://127.0.0.1:$PORT/v1/t -- $KEY w$RANDOM > $OUT/warm.txt 2>&1
grep RESULT $OUT/warm.txt | cut -c1-120
curl -s -X POST localhost:$PORT/bench/checkpoint; echo " (first checkpoint)"
( sleep 40; date -u +%T.%N > $OUT/cp.start; curl -s -X POST localhost:$PORT/bench/checkpoint > $OUT/cp.txt; date -u +%T.%N > $OUT/cp.end ) & cpj=$!
$JAVA_HOME/bin/java -XX:+UseSerialGC -Xmx512m bench/load/RateLoad.java --url http://127.0.0.1:$PORT/v1/t --site $KEY --run r$RANDOM --events-per-second ${RATE:-5000} --seconds 60 --warmup 10 --connections 256 --series true > $OUT/rate.txt 2>&1
wait $cpj
grep RESULT $OUT/rate.txt
echo "checkpoint $(cat $OUT/cp.start) -> $(cat $OUT/cp.end) $(cat $OUT/cp.txt)"
grep -o 'checkpoint at journal position.*' $OUT/server.log | tail -1
grep -c 'journal commit of' $OUT/server.log || true
