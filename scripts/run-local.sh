#!/usr/bin/env bash
# Runs the whole hub on this machine: MariaDB (a private one unless ConnectionStrings__MySql is
# set), migrations, the built SPA, N silos and M WebApi instances. Ctrl+C stops everything.
#   scripts/run-local.sh [--silos N] [--webapis M] [--port 5080] [--standin] [--single]
# --single runs the single-process hub (src/Hub: a silo and the web tier in one process) instead.
# --standin starts the test LiteLLM stand-in (tests/LiteLLM.Standin) as the upstream, for a demo
# without a real LiteLLM. A real one: export LiteLLM__BaseUrl and LiteLLM__MasterKey instead.
source "$(dirname "$0")/lib.sh"

SILOS=1; WEBAPIS=1; PORT=5080; STANDIN=""; SKIP_CLIENT=""; SINGLE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) SILOS="$2"; shift 2 ;;
    --webapis) WEBAPIS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --standin) STANDIN=1; shift ;;
    --single) SINGLE=1; shift ;;
    --skip-client) SKIP_CLIENT=1; shift ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done

RUN_DIR="$REPO_ROOT/.run"; mkdir -p "$RUN_DIR/logs"
PIDS=()
cleanup() {
  log "Stopping"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "${OWN_DB:-}" ] && stop_private_mariadb "$RUN_DIR/mariadb"
}
trap cleanup EXIT INT TERM

if [ -z "${ConnectionStrings__MySql:-}" ]; then
  start_private_mariadb "$RUN_DIR/mariadb" 3307; OWN_DB=1
  export ConnectionStrings__MySql="Server=127.0.0.1;Port=3307;User ID=root;Database=oneaihub"
  log "MariaDB: private instance in .run/mariadb on port 3307"
fi
export Jwt__SigningKey="${Jwt__SigningKey:-$(cat "$RUN_DIR/jwt.key" 2>/dev/null || head -c 48 /dev/urandom | base64 | tee "$RUN_DIR/jwt.key")}"
export Admin__Email="${Admin__Email:-admin@oneaihub.local}"
export Admin__Password="${Admin__Password:-$(cat "$RUN_DIR/admin.password" 2>/dev/null || (head -c 12 /dev/urandom | base64 | tr -d '/+=' | tee "$RUN_DIR/admin.password"))}"
export Cluster__Id="${Cluster__Id:-oneaihub-local}" Cluster__ServiceId="${Cluster__ServiceId:-oneaihub}"

log "Building (Release)"
dotnet build "$REPO_ROOT/OneAIHub.sln" -c Release -v q -nologo >"$RUN_DIR/logs/build.log" 2>&1 || { tail -30 "$RUN_DIR/logs/build.log"; exit 1; }
if [ -z "$SKIP_CLIENT" ] && [ -f "$REPO_ROOT/client/package.json" ]; then
  log "Building the web app"
  (cd "$REPO_ROOT/client" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent) >"$RUN_DIR/logs/client.log" 2>&1 \
    || { tail -30 "$RUN_DIR/logs/client.log"; exit 1; }
fi

if [ -n "$STANDIN" ]; then
  export LiteLLM__BaseUrl="http://127.0.0.1:4000" LiteLLM__MasterKey="sk-local-standin-master"
  dotnet "$REPO_ROOT/tests/LiteLLM.Standin/bin/Release/net10.0/LiteLLM.Standin.dll" --urls "$LiteLLM__BaseUrl" \
    --master-key "$LiteLLM__MasterKey" >"$RUN_DIR/logs/standin.log" 2>&1 &
  PIDS+=($!)
  log "LiteLLM stand-in (test double) on $LiteLLM__BaseUrl"
fi

log "Migrating the database"
dotnet "$REPO_ROOT/src/Silo/bin/Release/net10.0/OneAIHub.Silo.dll" migrate >"$RUN_DIR/logs/migrate.log" 2>&1 || { cat "$RUN_DIR/logs/migrate.log"; exit 1; }

if [ -n "$SINGLE" ]; then
  ASPNETCORE_URLS="http://127.0.0.1:$PORT" Cluster__SiloPort=11111 Cluster__GatewayPort=30000 \
    dotnet "$REPO_ROOT/src/Hub/bin/Release/net10.0/OneAIHub.Hub.dll" --contentRoot "$REPO_ROOT/src/WebApi" >"$RUN_DIR/logs/hub.log" 2>&1 &
  PIDS+=($!)
  log "The single-process hub is starting (log in .run/logs/hub.log)"
else
  for i in $(seq 0 $((SILOS - 1))); do
    Cluster__SiloPort=$((11111 + i)) Cluster__GatewayPort=$((30000 + i)) \
      dotnet "$REPO_ROOT/src/Silo/bin/Release/net10.0/OneAIHub.Silo.dll" >"$RUN_DIR/logs/silo-$i.log" 2>&1 &
    PIDS+=($!)
  done
  log "$SILOS silo(s) starting (logs in .run/logs)"
  for i in $(seq 0 $((WEBAPIS - 1))); do
    ASPNETCORE_URLS="http://127.0.0.1:$((PORT + i))" \
      dotnet "$REPO_ROOT/src/WebApi/bin/Release/net10.0/OneAIHub.WebApi.dll" --contentRoot "$REPO_ROOT/src/WebApi" >"$RUN_DIR/logs/webapi-$i.log" 2>&1 &
    PIDS+=($!)
  done
fi
wait_for_http "http://127.0.0.1:$PORT/health/ready" 120 || { log "The hub did not become ready; see .run/logs"; exit 1; }

echo
log "OneAI Hub is running: http://127.0.0.1:$PORT  (API docs: /api/docs, OpenAI-compatible proxy: /v1)"
log "Admin sign-in: $Admin__Email / $Admin__Password"
if [ -z "${LiteLLM__BaseUrl:-}" ]; then
  log "No LiteLLM is configured (LiteLLM__BaseUrl): the catalog stays empty and /v1 answers 503. Use --standin for a demo upstream."
fi
log "Press Ctrl+C to stop."
wait
