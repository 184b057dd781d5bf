#!/usr/bin/env bash
# Proxy benchmark on loopback (not a test): the same wrk load at a fast fake OpenAI upstream
# directly and through the hub (auth, limits, recording on) at one connection, at a fixed
# 1,000 requests/s (bench/chat-1000rps.lua) and at 32 connections, with the latency the hub adds;
# 1,000 concurrent 2-second streams with the hub's peak memory; hub RPS with 1 and 2 silos; then
# the same latency suite against the single-process hub (src/Hub), where grain calls stay in memory.
#   bench/run.sh [duration, default 15s]
# Needs wrk (apt-get install wrk), node, python3; builds Release; uses its own MariaDB.
source "$(dirname "$0")/../scripts/lib.sh"
DURATION="${1:-15s}"
ensure_apt_packages wrk mariadb-server
WORK="$(mktemp -d /tmp/oneaihub-bench.XXXX)"; mkdir -p "$WORK/logs"
PIDS=()
# Hub processes flush their last request records as they stop, so MariaDB stops after them.
stop_pids() { for p in "$@"; do kill "$p" 2>/dev/null || true; done; for p in "$@"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done; }
cleanup() { stop_pids "${PIDS[@]}"; stop_private_mariadb "$WORK/db"; }
trap cleanup EXIT

log "Building Release"
dotnet build "$REPO_ROOT/OneAIHub.sln" -c Release -v q -nologo >"$WORK/logs/build.log" 2>&1 || { tail -20 "$WORK/logs/build.log"; exit 1; }
DB_PORT=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
start_private_mariadb "$WORK/db" "$DB_PORT"
SOCK="$WORK/db/mysqld.sock"
export ConnectionStrings__MySql="Server=127.0.0.1;Port=$DB_PORT;User ID=root;Database=bench;Maximum Pool Size=300"
export Jwt__SigningKey="bench-signing-key-0123456789-0123456789-0123456789"
export Admin__Email="admin@bench.local" Admin__Password="bench-admin-123" Cluster__Id="bench-$$"
export Dashboard__Enabled="${Dashboard__Enabled:-true}" Auth__LoginAttemptsPerMinute=1000 Logging__LogLevel__Default=Warning

node "$REPO_ROOT/bench/fake-upstream.mjs" 4100 0 >"$WORK/logs/upstream.log" 2>&1 & PIDS+=($!)
node "$REPO_ROOT/bench/fake-upstream.mjs" 4101 2000 >"$WORK/logs/upstream-slow.log" 2>&1 & PIDS+=($!)
dotnet "$REPO_ROOT/src/Silo/bin/Release/net10.0/OneAIHub.Silo.dll" migrate >"$WORK/logs/migrate.log" 2>&1

start_silo() { Cluster__SiloPort=$((11200 + $1)) Cluster__GatewayPort=$((30200 + $1)) \
  dotnet "$REPO_ROOT/src/Silo/bin/Release/net10.0/OneAIHub.Silo.dll" >"$WORK/logs/silo-$1.log" 2>&1 & PIDS+=($!); }
start_webapi() { # port upstream
  ASPNETCORE_URLS="http://127.0.0.1:$1" LiteLLM__BaseUrl="http://127.0.0.1:$2" LiteLLM__MasterKey="sk-bench" \
    dotnet "$REPO_ROOT/src/WebApi/bin/Release/net10.0/OneAIHub.WebApi.dll" --contentRoot "$REPO_ROOT/src/WebApi" >"$WORK/logs/webapi-$1.log" 2>&1 &
  PIDS+=($!); echo $!; }
start_silo 0
HUB_PID=$(start_webapi 5180 4100)
STREAM_PID=$(start_webapi 5181 4101)
PIDS+=("$HUB_PID" "$STREAM_PID") # started in command substitutions, whose PIDS+= is lost
wait_for_http http://127.0.0.1:5180/health/ready 120 || { log "hub not ready"; tail -20 "$WORK/logs/webapi-5180.log"; exit 1; }
wait_for_http http://127.0.0.1:5181/health/ready 120 || exit 1

log "Setting up a bench model, user and key"
mariadb --no-defaults --socket="$SOCK" -uroot bench <<'SQL'
INSERT INTO companies (id, name, external_id) VALUES ('bench-co', 'Bench Labs', 'bench');
INSERT INTO models (id, company_id, name, external_id, mode, context_window, max_output_tokens, features, is_available)
  VALUES ('bench-model-id', 'bench-co', 'Bench model', 'bench-model', 'chat', 128000, 4096, '["streaming"]', TRUE);
INSERT INTO rate_limits (id, model_id, tier_id, requests_per_minute, requests_per_day, tokens_per_minute, tokens_per_day)
  VALUES (UUID(), 'bench-model-id', '00000000-0000-4000-8000-000000000004', 2000000000, 2000000000, 2000000000, 2000000000);
SQL
KEY=$(python3 "$REPO_ROOT/bench/setup.py" http://127.0.0.1:5180 "$Admin__Email" "$Admin__Password")
sleep 2

wrk_run() { # label url connections [lua script] [threads]
  BENCH_KEY="$KEY" wrk -t"${5:-$(( $3 < 2 ? 1 : 2 ))}" -c"$3" -d"$DURATION" --latency -s "$REPO_ROOT/bench/${4:-chat.lua}" "$2" >"$WORK/logs/wrk-$1.txt" 2>&1
  python3 "$REPO_ROOT/bench/report.py" wrk "$1" "$WORK/logs/wrk-$1.txt"
}
added() { python3 "$REPO_ROOT/bench/report.py" added "$WORK/logs/wrk-$1.txt" "$WORK/logs/wrk-$2.txt"; }
DIRECT=http://127.0.0.1:4100/chat/completions
HUB=http://127.0.0.1:5180/v1/chat/completions

# The latency suite against one topology: warm-up, then direct and through the hub at one
# connection, at the target 1,000 requests/s (paced over 1 connection and over 4, which can send
# bursts of up to four at once; twice each, as a 2-core machine shared by five processes is noisy),
# then 32 connections with the hub's own overhead histogram.
latency_suite() { # label hub-url
  log "Warming up $1 for 20 s (JIT tiers, connection pools, grain activations)"
  BENCH_KEY="$KEY" wrk -t2 -c32 -d20s -s "$REPO_ROOT/bench/chat.lua" "$2" >/dev/null 2>&1
  sleep 2
  echo
  log "Results: $1 (duration $DURATION each; load generator, upstream, hub and MariaDB share this machine's 2 cores)"
  wrk_run "direct-c1-$1" "$DIRECT" 1
  wrk_run "hub-c1-$1" "$2" 1
  added "direct-c1-$1" "hub-c1-$1"
  for run in 1 2; do
    for connections in 1 4; do
      wrk_run "direct-1k-c$connections-$run-$1" "$DIRECT" "$connections" chat-1000rps.lua 1
      wrk_run "hub-1k-c$connections-$run-$1" "$2" "$connections" chat-1000rps.lua 1
      added "direct-1k-c$connections-$run-$1" "hub-1k-c$connections-$run-$1"
    done
  done
  wrk_run "direct-c32-$1" "$DIRECT" 32
  curl -s "${2%/v1/*}/metrics" >"$WORK/logs/metrics-before-$1.txt"
  wrk_run "hub-c32-$1" "$2" 32
  curl -s "${2%/v1/*}/metrics" >"$WORK/logs/metrics-after-$1.txt"
  python3 "$REPO_ROOT/bench/report.py" overhead "$WORK/logs/metrics-before-$1.txt" "$WORK/logs/metrics-after-$1.txt"
}

latency_suite "webapi+silo" "$HUB"
count_rows() { mariadb --no-defaults --socket="$SOCK" -uroot -N bench -e "SELECT COUNT(*) FROM requests"; }
log "request rows in MySQL: $(count_rows) right after the load, $(sleep 2; count_rows) two seconds later"

log "1,000 concurrent streams, 2 s each"
python3 "$REPO_ROOT/bench/report.py" rss-start "$STREAM_PID" >/dev/null
node "$REPO_ROOT/bench/streams.mjs" http://127.0.0.1:5181 "$KEY" 1000
python3 "$REPO_ROOT/bench/report.py" rss "$STREAM_PID"

log "Second silo"
start_silo 1
sleep 20
wrk_run "hub-c32-2silos" "$HUB" 32

# The single-process hub (src/Hub) on the same database, once the processes above have stopped:
# the same user, key and model; grain calls stay in memory.
log "Stopping the WebApis and silos; starting the single-process hub"
HUB_PIDS=(); for p in "${PIDS[@]}"; do grep -q OneAIHub /proc/"$p"/cmdline 2>/dev/null && HUB_PIDS+=("$p"); done
stop_pids "${HUB_PIDS[@]}"
Cluster__Id="bench-single-$$" Cluster__SiloPort=11210 Cluster__GatewayPort=30210 ASPNETCORE_URLS="http://127.0.0.1:5182" \
  LiteLLM__BaseUrl="http://127.0.0.1:4100" LiteLLM__MasterKey="sk-bench" \
  dotnet "$REPO_ROOT/src/Hub/bin/Release/net10.0/OneAIHub.Hub.dll" --contentRoot "$REPO_ROOT/src/WebApi" >"$WORK/logs/hub-5182.log" 2>&1 & PIDS+=($!)
wait_for_http http://127.0.0.1:5182/health/ready 120 || { log "single-process hub not ready"; tail -20 "$WORK/logs/hub-5182.log"; exit 1; }
latency_suite "single-process" http://127.0.0.1:5182/v1/chat/completions
log "request rows in MySQL: $(count_rows) right after the load, $(sleep 2; count_rows) two seconds later"
