#!/usr/bin/env bash
# The HTTP stack comparison of docs/http-server.md: the same no-op "parse the tracking JSON and answer"
# endpoint on Javalin 7 (Jetty 12), Vert.x 5 (event loop, and virtual-thread verticles) and Helidon SE 4,
# measured with the same wrk command and the same constant-rate loader, one stack at a time.
#
#   bench/load/http-choice/run.sh             # all stacks; about 2 minutes each
#   STACKS="javalin helidon" bench/load/http-choice/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
load="$(cd "$here/.." && pwd)"
root="$(cd "$here/../../.." && pwd)"
. "$root/.mvn/find-jdk.sh"
STACKS=${STACKS:-"javalin vertx vertx-virtual helidon"}
PORT=${PORT:-18090}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNS=${WRK_CONNS:-128}
SECONDS_MAX=${SECONDS_MAX:-30}
RATE=${RATE:-10000}
OUT=${OUT:-/tmp/omotenashi-http-choice-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
summary="$OUT/summary.txt"
: >"$summary"
say() { echo "$*" | tee -a "$summary"; }

if [ ! -f "$root/engine/target/omotenashi-engine-0.1.0-SNAPSHOT.jar" ]; then
  (cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl engine -am) >&2
fi
if [ ! -d "$here/target/lib" ] || [ -n "$(find "$here/src" "$here/pom.xml" -newer "$here/target/classes" -type f -print -quit 2>/dev/null)" ]; then
  (cd "$root" && ./mvnw -q -B -ntp -f bench/load/http-choice/pom.xml package) >&2
fi
cp="$here/target/classes:$here/target/lib/*:$root/engine/target/omotenashi-engine-0.1.0-SNAPSHOT.jar"

pid=""
stop() { if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT

quiet() {
  for _ in $(seq 1 90); do [ "$("$load/busy.sh" 3)" -le 10 ] && return 0; sleep 7; done
  say "  WARNING: machine not quiet; measuring anyway"
}

snap() { read -r _ u n s i w q sq st _ < /proc/stat; B=$((u + n + s + q + sq + st)); T=$((B + i + w)); P=$(awk '{ print $14 + $15 }' "/proc/$pid/stat"); }
acct() { # after snap and a load generator timed into $1: cores used by machine, server, generator, others
  local b0=$B t0=$T p0=$P
  snap
  awk -v b=$((B - b0)) -v t=$((T - t0)) -v p=$((P - p0)) -v n="$(nproc)" -v g="$(cat "$1")" 'BEGIN { split(g, x, " ");
    s = t / n / 100; printf "cpu_cores machine=%.2f server=%.2f loadgen=%.2f others=%.2f", b / t * n, p / t * n, (x[1] + x[2]) / s, b / t * n - p / t * n - (x[1] + x[2]) / s }'
}

say "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); wrk -t$WRK_THREADS -c$WRK_CONNS; $(nproc) cores"
for stack in $STACKS; do
  case $stack in
    javalin) main=dev.omotenashi.httpchoice.JavalinNoop; args=("$PORT") ;;
    javalin-buf4k) main=dev.omotenashi.httpchoice.JavalinNoop; args=("$PORT" 4096) ;;
    vertx) main=dev.omotenashi.httpchoice.VertxNoop; args=("$PORT" eventloop) ;;
    vertx-virtual) main=dev.omotenashi.httpchoice.VertxNoop; args=("$PORT" virtual) ;;
    helidon) main=dev.omotenashi.httpchoice.HelidonNoop; args=("$PORT") ;;
    *) echo "unknown stack $stack" >&2; exit 2 ;;
  esac
  quiet
  "$JAVA_HOME/bin/java" -Xlog:gc:file="$OUT/$stack-gc.log" -cp "$cp" "$main" "${args[@]}" >"$OUT/$stack.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do grep -q listening "$OUT/$stack.log" && break; sleep 0.2; done
  wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d10s -s "$load/track.lua" "http://127.0.0.1:$PORT/bench/noop" -- pk_choice "w$stack" >/dev/null
  g0=$(grep -c 'Pause Young' "$OUT/$stack-gc.log" || true)
  s0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  snap
  /usr/bin/time -f "%U %S" -o "$OUT/$stack-max.cpu" wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${SECONDS_MAX}s" --latency -s "$load/track.lua" "http://127.0.0.1:$PORT/bench/noop" -- pk_choice "m$stack" >"$OUT/$stack-max.txt" 2>&1
  s1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  a=$(acct "$OUT/$stack-max.cpu")
  rps=$(sed -n 's/.*req_per_s=\([0-9]*\).*/\1/p' "$OUT/$stack-max.txt")
  alloc=$(awk -v g0="$g0" -v rps="$rps" '/Pause Young/ { n++; if (n <= g0) next
      t = substr($1, 2) + 0; split($(NF-1), a, /->|\(/); b = a[1] + 0; f = a[2] + 0
      if (k++ > 0) { mb += b - prev; last = t } else first = t; prev = f }
    END { if (last > first) printf "alloc_kb_per_req=%.1f", mb * 1024 / (rps * (last - first)); else printf "alloc_kb_per_req=?" }' "$OUT/$stack-gc.log")
  r=$(grep '^RESULT' "$OUT/$stack-max.txt")
  req=$(sed -n 's/.*RESULT requests=\([0-9]*\).*/\1/p' "$OUT/$stack-max.txt")
  say "$stack max: ${r#RESULT } server_cpu_us_per_req=$(( (s1 - s0) * 10000 / req )) rss_mb=$(( $(awk '/VmRSS/ { print $2 }' "/proc/$pid/status") / 1024 )) $alloc $a"
  quiet
  snap
  /usr/bin/time -f "%U %S" -o "$OUT/$stack-rate.cpu" "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx512m "$load/RateLoad.java" --url "http://127.0.0.1:$PORT/bench/noop" \
    --site pk_choice --run "r$stack" --events-per-second "$RATE" --seconds 30 --warmup 5 --connections 256 >"$OUT/$stack-rate.txt" 2>&1
  r=$(grep '^RESULT' "$OUT/$stack-rate.txt")
  say "$stack rate: ${r#RESULT } $(acct "$OUT/$stack-rate.cpu")"
  stop

done
say "outputs: $OUT"
