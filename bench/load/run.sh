#!/usr/bin/env bash
# The server's load benchmark (docs/performance.md, "Server load"). Bounded: about 12 minutes with the
# defaults (both backends); stops everything it started, drops the PostgreSQL schema it created.
#
#   bench/load/run.sh                 # SQLite, then PostgreSQL
#   BACKENDS=sqlite bench/load/run.sh # one backend
#   JFR=1 bench/load/run.sh           # also record a JFR of each /v1/t max-throughput run
#   JAR=/tmp/base.jar bench/load/run.sh  # another build of the server (A/B against main)
#
# Per backend, on a fresh server (`omotenashi demo`: the demo-shop site with S01–S17 live, limits off,
# --bench-endpoints): warm-up, then
#   (a) POST /bench/noop at max throughput (wrk, track.lua)           — the HTTP stack's ceiling
#   (b) POST /v1/t at max throughput, sustained (wrk, track.lua)
#   (c) POST /v1/t at a constant RATE events/s (RateLoad.java, open model) — latency p50/p99/p99.9,
#       with a checkpoint of every site taken in the middle (POST /bench/checkpoint; RATE_CHECKPOINT=0: none)
# Needs: wrk (apt-get install wrk), a JDK >= 21, curl; PostgreSQL for the second backend.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/.mvn/find-jdk.sh"

BACKENDS=${BACKENDS:-"sqlite postgres"}
PORT=${PORT:-18080}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNS=${WRK_CONNS:-128}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
NOOP_SECONDS=${NOOP_SECONDS:-30}
MAX_SECONDS=${MAX_SECONDS:-60}
RATE=${RATE:-5000}
RATE_SECONDS=${RATE_SECONDS:-60}
RATE_CONNS=${RATE_CONNS:-256}
RATE_CHECKPOINT=${RATE_CHECKPOINT:-1} # 0: no checkpoint during the latency phase (as before 2026-11-25, twelfth session)
PG_BASE=${PG_BASE:-postgresql://postgres@127.0.0.1:5432/test}
SERVER_CPUS=${SERVER_CPUS:-}   # e.g. "0-1": taskset for the server (default: no pinning)
LOAD_CPUS=${LOAD_CPUS:-}       # e.g. "0-1": taskset for wrk and RateLoad
OUT=${OUT:-/tmp/omotenashi-load-$(date +%Y%m%d-%H%M%S)}
TOKEN=${OMOTENASHI_ADMIN_TOKEN:-load-$RANDOM$RANDOM}
mkdir -p "$OUT"
summary="$OUT/summary.txt"
: >"$summary"
say() { echo "$*" | tee -a "$summary"; }

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
pin() { if [ -n "$1" ]; then echo "taskset -c $1"; fi; }

# --- the jar -----------------------------------------------------------------------------------------
jar="${JAR:-$root/server/target/omotenashi.jar}"   # JAR=/tmp/x.jar: measure another build (A/B)
if [ -n "${JAR:-}" ] && [ ! -f "$JAR" ]; then echo "no such jar: $JAR" >&2; exit 1; fi
if [ -z "${JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$(find "$root/engine/src" "$root/server/src" "$root/pom.xml" -newer "$jar" -type f -print -quit)" ]; }; then
  echo "building the server jar..." >&2
  (cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl server -am) >&2
fi

# --- wait for a quiet machine: JMH of the engine needs the same two cores ----------------------------
for i in $(seq 1 20); do
  pgrep -f benchmarks.jar >/dev/null || break
  echo "JMH is running (pgrep -f benchmarks.jar); waiting a minute ($i/20)" >&2
  sleep 60
done
if pgrep -f benchmarks.jar >/dev/null; then say "WARNING: JMH still running; figures are disturbed"; fi

server_pid=""
schema=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
  if [ -n "$schema" ] && [ -z "${KEEP_SCHEMA:-}" ]; then
    psql -q "${PG_BASE}" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  fi
  schema=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

metric() { # sum of a metric's samples in /metrics
  curl -s "localhost:$PORT/metrics" | awk -v m="$1" '$1 ~ "^"m"({|$)" { s += $NF } END { printf "%.0f", s }'
}

# --- a quiet machine, and who used the CPU during a phase ----------------------------------------------
QUIET_BUSY=${QUIET_BUSY:-15}     # % of all cores busy (our idle server included) counted as quiet
QUIET_WAIT=${QUIET_WAIT:-900}    # seconds to wait for quiet before a phase, then measure anyway
wait_quiet() { # before each phase: other engineers' builds and JMH share these two cores
  local waited=0 b
  while :; do
    b=$("$here/busy.sh" 3)
    if [ "$b" -le "$QUIET_BUSY" ]; then break; fi
    if [ "$waited" -ge "$QUIET_WAIT" ]; then say "  WARNING: machine still ${b}% busy after ${waited}s; measuring anyway"; break; fi
    [ "$waited" -eq 0 ] && echo "  machine ${b}% busy (others: $(ps -eo pcpu,comm --sort=-pcpu | sed -n 2,4p | tr -s ' ' | tr '\n' ';')); waiting" >&2
    sleep 10; waited=$((waited + 13))
  done
  [ "$waited" -gt 0 ] && say "  (waited ${waited}s for a quiet machine)"
  return 0
}
NCPU=$(nproc)
acct_begin() {
  A_THREADS=$(thread_ticks)
  read -r _ u n s i w q sq st _ < /proc/stat
  A_BUSY=$((u + n + s + q + sq + st)); A_ALL=$((A_BUSY + i + w))
  A_SRV=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
  A_DB=$(db_ticks)
}
thread_ticks() { # the server's CPU ticks per thread ("tid kind ticks" lines; digits dropped from names)
  local t
  for t in /proc/"$server_pid"/task/*; do
    # the name in stat may hold spaces: fields are counted after its closing parenthesis
    { printf '%s %s %s\n' "${t##*/}" "$(tr -d '0-9 #' <"$t/comm")" "$(sed 's/.*) //' "$t/stat" | awk '{ print $12 + $13 }')"; } 2>/dev/null
  done | awk 'NF == 3'
}
threads_line() { # $1 label, $2 requests: where the server's CPU went during the phase, by thread kind
  # (per thread, then summed by kind: a thread that ends during the phase loses only its ticks of the phase)
  { echo "$A_THREADS" | sed 's/^/b /'; thread_ticks | sed 's/^/e /'; } | awk '
    $1 == "b" { b[$2] = $4 } $1 == "e" { d[$3] += $4 - ($2 in b ? b[$2] : 0) }
    END { for (k in d) if (d[k] > 0) print d[k], k }' |
    sort -rn | awk -v req="$2" -v label="$1" '
    { d[NR] = $1; k[NR] = $2; t += $1 }
    END { if (t <= 0) exit; line = ""
          for (i = 1; i <= NR && i <= 8; i++) line = line sprintf("%s%s %.0f%% (%.0f us)", (i > 1 ? ", " : ""), k[i], 100 * d[i] / t, (req > 0 ? d[i] * 10000 / req : 0))
          printf "  %s server CPU by thread: %s\n", label, line }' | tee -a "$summary"
}
db_ticks() { # CPU ticks of PostgreSQL's processes so far ("pid ticks" lines)
  local f
  for f in /proc/[0-9]*/stat; do
    awk '$2 == "(postgres)" { print $1, $14 + $15 }' "$f" 2>/dev/null
  done
}
acct_end() { # $1 label, $2 file with the load generator's "user sys" CPU seconds, $3 requests
  read -r _ u n s i w q sq st _ < /proc/stat
  local busy=$((u + n + s + q + sq + st - A_BUSY)) all=$((u + n + s + q + sq + st + i + w - A_ALL))
  local srv=$(( $(awk '{ print $14 + $15 }' "/proc/$server_pid/stat") - A_SRV ))
  local db
  db=$( { echo "$A_DB" | sed 's/^/b /'; db_ticks | sed 's/^/e /'; } | awk '
    $1 == "b" { b[$2] = $3 } $1 == "e" { d += $3 - ($2 in b ? b[$2] : 0) } END { print d + 0 }')
  awk -v busy="$busy" -v all="$all" -v srv="$srv" -v db="$db" -v ncpu="$NCPU" -v req="${3:-0}" -v label="$1" -v gen="$(cat "$2" 2>/dev/null)" '
    BEGIN { split(gen, g, " "); secs = all / ncpu / 100; lg = (g[1] + g[2]) / secs;
            m = busy / all * ncpu; sv = srv / all * ncpu; pg = db / all * ncpu;
            printf "  %s cpu (cores of %d): machine %.2f, server %.2f, PostgreSQL %.2f, load generator %.2f, others %.2f; server CPU per request %.0f us, PostgreSQL %.0f us\n",
              label, ncpu, m, sv, pg, lg, m - sv - pg - lg, (req > 0 ? srv * 10000 / req : 0), (req > 0 ? db * 10000 / req : 0) }' | tee -a "$summary" >"$OUT/.acct"
  cat "$OUT/.acct"
  [ -n "${3:-}" ] && threads_line "$1" "$3"
  OTHERS=$(sed -n 's/.*others \([0-9.-]*\);.*/\1/p' "$OUT/.acct")
}

OTHERS_MAX=${OTHERS_MAX:-0.15}  # cores others may use during a phase before it is repeated
TRIES=${TRIES:-3}
phase() { # runs "$@" until other processes stayed under OTHERS_MAX cores during it (at most TRIES times)
  local t
  for t in $(seq 1 "$TRIES"); do
    wait_quiet
    "$@"
    if awk -v o="${OTHERS:-0}" -v m="$OTHERS_MAX" 'BEGIN { exit !(o <= m) }'; then return 0; fi
    [ "$t" -lt "$TRIES" ] && say "  ^ disturbed by other processes (${OTHERS} cores); repeating"
  done
  say "  ^ still disturbed after $TRIES tries; keeping the last"
}

start_server() { # $1 backend
  local backend=$1 data="$OUT/data-$1"
  GC_LOG="$OUT/gc-$backend.log"
  rm -rf "$data"
  local env=(OMOTENASHI_ADMIN_TOKEN="$TOKEN")
  if [ "$backend" = postgres ]; then
    schema="load_$(date +%s)"
    psql -q "$PG_BASE" -c "CREATE SCHEMA $schema" >/dev/null
    env+=(OMOTENASHI_DATABASE_URL="$PG_BASE?currentSchema=$schema")
  fi
  # the launcher's JVM options (./omotenashi): ZGC unless OMOTENASHI_JAVA_OPTS is set (even to "")
  env "${env[@]}" $(pin "$SERVER_CPUS") "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${OMOTENASHI_JAVA_OPTS--XX:+UseZGC} \
    -Xlog:gc:file="$OUT/gc-$backend.log" -jar "$jar" demo --port "$PORT" --data "$data" --rate-limit-client 0 --rate-limit-site 0 --bench-endpoints \
    >"$OUT/server-$backend.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "localhost:$PORT/ready" >/dev/null 2>&1 && grep -q "demo site" "$OUT/server-$backend.log" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$OUT/server-$backend.log" >&2; exit 1; }
    sleep 0.5
  done
  KEY=$(curl -sf -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/v1/sites/demo-shop" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
  [ -n "$KEY" ] || { echo "no demo site key" >&2; exit 1; }
  local campaigns
  campaigns=$(curl -sf -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/v1/sites/demo-shop/campaigns" | grep -o '"status":"live"' | wc -l)
  say "[$backend] server pid $server_pid, site demo-shop key $KEY, live campaigns: $campaigns"
}

gc_alloc() { # $1 young pauses before the phase, $2 requests/s: KB allocated per request (G1 log)
  awk -v g0="$1" -v rps="$2" '/Pause/ { n++; if (n <= g0 || $0 !~ /Pause Young/) next
      t = substr($1, 2) + 0; split($(NF-1), a, /->|\(/); b = a[1] + 0; f = a[2] + 0
      if (k++ > 0) { mb += b - prev; last = t } else first = t; prev = f }
    END { if (last > first && rps > 0) printf "~%.0f KB allocated per request (G1 log)", mb * 1024 / (rps * (last - first)), k; else printf "allocation per request: n/a" }' "$GC_LOG"
}
gc_pauses() { # $1 young pauses before the phase: count, mean and longest pause of the phase
  awk -v g0="$1" '/Pause/ { n++; if (n <= g0) next; sub(/ms$/, "", $NF); p = $NF + 0; k++; t += p; if (p > m) m = p }
    END { if (k) printf "GC pauses in the phase: %d, mean %.1f ms, longest %.1f ms", k, t / k, m; else printf "GC pauses in the phase: 0" }' "$GC_LOG"
}

wrk_run() { # $1 label, $2 path, $3 seconds, $4 run tag
  local label=$1 path=$2 secs=$3 tag=$4 r req g0
  g0=$(grep -c 'Pause' "$GC_LOG" || true)
  acct_begin
  /usr/bin/time -f "%U %S" -o "$OUT/$label.cpu" $(pin "$LOAD_CPUS") wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${secs}s" \
    --timeout 10s -s "$here/track.lua" "http://127.0.0.1:$PORT$path" -- "$KEY" "$tag" >"$OUT/$label.txt" 2>&1
  r=$(grep '^RESULT' "$OUT/$label.txt" || echo "RESULT (none; see $OUT/$label.txt)")
  req=$(sed -n 's/.*RESULT requests=\([0-9]*\).*/\1/p' "$OUT/$label.txt")
  say "$label: ${r#RESULT }"
  acct_end "$label" "$OUT/$label.cpu" "$req"
  say "  $label: $(gc_pauses "$g0"); $(gc_alloc "$g0" "$(sed -n 's/.*req_per_s=\([0-9]*\).*/\1/p' "$OUT/$label.txt")")"
}

rate_run() { # $1 label, $2 run tag
  local label=$1 tag=$2 r req g0 cp=""
  g0=$(grep -c 'Pause' "$GC_LOG" || true)
  acct_begin
  if [ "$RATE_CHECKPOINT" = 1 ]; then # the server checkpoints every 5 minutes: one falls inside the measured minute
    ( sleep $((10 + RATE_SECONDS / 2)); curl -s -X POST "localhost:$PORT/bench/checkpoint" >"$OUT/$label.checkpoint" 2>&1 ) &
    cp=$!
  fi
  /usr/bin/time -f "%U %S" -o "$OUT/$label.cpu" $(pin "$LOAD_CPUS") "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx512m \
    "$here/RateLoad.java" --url "http://127.0.0.1:$PORT/v1/t" --site "$KEY" --run "$tag" --events-per-second "$RATE" \
    --seconds "$RATE_SECONDS" --warmup 10 --connections "$RATE_CONNS" >"$OUT/$label.txt" 2>&1
  r=$(grep '^RESULT' "$OUT/$label.txt" || echo "RESULT (none; see $OUT/$label.txt)")
  req=$(sed -n 's/.*RESULT .* requests=\([0-9]*\).*/\1/p' "$OUT/$label.txt")
  say "$label: ${r#RESULT }"
  if [ -n "$cp" ]; then
    wait "$cp" || true
    say "  $label: a checkpoint of every site taken $((RATE_SECONDS / 2)) s into the measured minute: $(cat "$OUT/$label.checkpoint")" \
      "($(grep -o 'checkpoint at journal position.*' "$OUT/server-${label%%-*}.log" | tail -1))"
  fi
  acct_end "$label (incl. 10 s warm-up)" "$OUT/$label.cpu" ""
  say "  $label (incl. warm-up): $(gc_pauses "$g0"); $(gc_alloc "$g0" "$(sed -n 's/.*req_per_s=\([0-9]*\).*/\1/p' "$OUT/$label.txt")")"
}

heap_committed() { # MB the collector has committed (ZGC "capacity", G1 "total"); empty when jcmd fails
  { "$JAVA_HOME/bin/jcmd" "$server_pid" GC.heap_info 2>/dev/null || true; } | awk '
    /ZHeap/ { for (i = 1; i <= NF; i++) if ($i == "capacity") { v = $(i + 1); sub(/M,?$/, "", v); print v + 0; exit } }
    /garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "total") { v = $(i + 1); sub(/K,?$/, "", v); print int(v / 1024); exit } }'
}
WARM_ROUNDS=${WARM_ROUNDS:-12}
warm_heap() { # more /v1/t until the heap stops growing: its first use of fresh memory costs page faults
  local before after r=0
  before=$(heap_committed || true)
  for r in $(seq 1 "$WARM_ROUNDS"); do
    wrk_run "$1-warmup-heap$r" /v1/t 15 "wh$r$2" >/dev/null
    after=$(heap_committed || true)
    if [ -z "$before" ] || [ -z "$after" ] || [ "$after" -le $((before + before / 20)) ]; then break; fi
    before=$after
  done
  say "  (warm-up: heap committed ${after:-?} MB after $r extra round(s) of 15 s)"
}

track_max() { # (b), with the server's own count of the events it took
  local ev0 ev1 c0 c1 r0 r1
  ev0=$(metric omotenashi_events_total); c0=$(metric omotenashi_journal_commits_total); r0=$(metric omotenashi_journal_records_total)
  wrk_run "$1-b-track-max" /v1/t "$MAX_SECONDS" "b$2$RANDOM"
  ev1=$(metric omotenashi_events_total); c1=$(metric omotenashi_journal_commits_total); r1=$(metric omotenashi_journal_records_total)
  say "  $1-b-track-max: server counted $((ev1 - ev0)) events ($(awk -v e=$((ev1 - ev0)) -v s="$MAX_SECONDS" 'BEGIN { printf "%.0f", e / s }')/s);" \
    "$((c1 - c0)) journal commits of $(awk -v r=$((r1 - r0)) -v c=$((c1 - c0)) 'BEGIN { printf "%.1f", (c > 0 ? r / c : 0) }') records on average"
}

for backend in $BACKENDS; do
  say "== $backend  ($(date -u +%FT%TZ); wrk -t$WRK_THREADS -c$WRK_CONNS; server cpus: ${SERVER_CPUS:-any}, load cpus: ${LOAD_CPUS:-any}; JVM options: ${OMOTENASHI_JAVA_OPTS--XX:+UseZGC})"
  wait_quiet
  start_server "$backend"
  tag="$(date +%s)"
  wrk_run "$backend-warmup-noop" /bench/noop 10 "w0$tag" >/dev/null
  wrk_run "$backend-warmup-track" /v1/t "$WARMUP_SECONDS" "w1$tag" >/dev/null
  warm_heap "$backend" "$tag"
  phase wrk_run "$backend-a-noop-max" /bench/noop "$NOOP_SECONDS" "a$tag$RANDOM"
  if [ -n "${JFR:-}" ]; then
    "$JAVA_HOME/bin/jcmd" "$server_pid" JFR.start name=load duration="${MAX_SECONDS}s" settings=profile \
      +jdk.CPUTimeSample#enabled=true +jdk.CPUTimeSample#throttle=2ms filename="$OUT/$backend-track-max.jfr" >/dev/null
  fi
  phase track_max "$backend" "$tag"
  sleep 2
  phase rate_run "$backend-c-track-rate" "c$tag$RANDOM"
  a=$(sed -n 's/.*req_per_s=\([0-9]*\).*/\1/p' "$OUT/$backend-a-noop-max.txt")
  b=$(sed -n 's/.*req_per_s=\([0-9]*\).*/\1/p' "$OUT/$backend-b-track-max.txt")
  [ -n "$a" ] && [ -n "$b" ] && say "$backend: /v1/t max / noop max (requests/s) = $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')"
  say "$backend: server counters: events_total=$(metric omotenashi_events_total) actions_delivered_total=$(metric omotenashi_actions_delivered_total) track_requests_total=$(metric omotenashi_track_requests_total)"
  curl -s "localhost:$PORT/metrics" >"$OUT/$backend-metrics.txt"
  "$JAVA_HOME/bin/jcmd" "$server_pid" GC.heap_info >"$OUT/$backend-heap.txt" 2>&1 || true
  cleanup
  awk '/Pause/ { sub(/ms$/, "", $NF); n++; t += $NF; if ($NF + 0 > m) m = $NF + 0 } END { printf "  GC pauses over the whole run: %d, total %.0f ms, longest %.1f ms (log: gc-'$backend'.log)\n", n, t, m }' \
    "$OUT/gc-$backend.log" | tee -a "$summary"
done
say "full outputs: $OUT"
