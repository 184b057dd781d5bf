#!/usr/bin/env bash
# Runs every test: the .NET suite (real MariaDB started privately, real Orleans silos, real HTTP,
# the LiteLLM stand-in), the web app's unit tests, and its end-to-end tests in Chromium.
# Installs what it needs (mariadb-server, chromium) when missing.
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
ensure_apt_packages mariadb-server
[ -f client/package.json ] && ensure_apt_packages chromium

OUT="$REPO_ROOT/tests/artifacts"; mkdir -p "$OUT"
passed=0; failed=0; status=0

log ".NET tests"
dotnet build OneAIHub.sln -c Release -nologo -v q 2>&1 | tail -3
set +e
dotnet test OneAIHub.sln -c Release --no-build --logger "console;verbosity=normal" --blame-hang-timeout 10m 2>&1 | tee "$OUT/dotnet-test.log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
set -e
# Counts from the summary lines ("Passed: N", "Failed: N"); grep finds none of a kind when it is zero.
p=$( (grep -oE '^ +Passed: +[0-9]+' "$OUT/dotnet-test.log" || true) | awk '{s+=$2} END {print s+0}')
f=$( (grep -oE '^ +Failed: +[0-9]+' "$OUT/dotnet-test.log" || true) | awk '{s+=$2} END {print s+0}')
passed=$((passed + p)); failed=$((failed + f))

if [ -f client/package.json ]; then
  log "Web app tests"
  (cd client && npm ci --no-audit --no-fund --loglevel=error)
  set +e
  (cd client && NO_COLOR=1 npm test 2>&1) | sed 's/\x1b\[[0-9;]*m//g' | tee "$OUT/client-test.log"
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
  set -e
  p=$( (grep -E '^\s+Tests\s' "$OUT/client-test.log" || true) | (grep -oE '[0-9]+ passed' || true) | awk '{s+=$1} END {print s+0}')
  f=$( (grep -E '^\s+Tests\s' "$OUT/client-test.log" || true) | (grep -oE '[0-9]+ failed' || true) | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ -f client/e2e/run.mjs ]; then
    log "End-to-end tests (Chromium)"
    set +e
    (cd client && node e2e/run.mjs 2>&1) | tee "$OUT/e2e.log"
    [ "${PIPESTATUS[0]}" = 0 ] || status=1
    set -e
    p=$( (grep -oE '^e2e: [0-9]+ passed' "$OUT/e2e.log" || true) | (grep -oE '[0-9]+' || true) | awk '{s+=$1} END {print s+0}')
    f=$( (grep -oE '^e2e: [0-9]+ passed, [0-9]+ failed' "$OUT/e2e.log" || true) | (grep -oE '[0-9]+ failed' || true) | (grep -oE '[0-9]+' || true) | awk '{s+=$1} END {print s+0}')
    passed=$((passed + p)); failed=$((failed + f))
  fi
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] || status=1
exit $status
