# Shared helpers for the run and test scripts (sourced, not run).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1;35m[oneaihub]\033[0m %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing ${missing[*]} (apt-get)"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Starts a private MariaDB in $1 (data folder) on port $2 unless one already answers there.
start_private_mariadb() {
  local dir="$1" port="$2"
  ensure_apt_packages mariadb-server
  mkdir -p "$dir"
  if mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1; then return 0; fi
  if [ ! -d "$dir/data/mysql" ]; then
    log "Creating a MariaDB data folder in $dir"
    mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
      --skip-test-db --user="$(id -un)" >"$dir/install.log" 2>&1
  fi
  local as_root_flag=""; [ "$(id -u)" = 0 ] && as_root_flag="--user=root"
  mariadbd --no-defaults --datadir="$dir/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" \
    --skip-name-resolve --character-set-server=utf8mb4 --max-connections=1000 $as_root_flag &
  for _ in $(seq 1 100); do
    mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  log "MariaDB did not start; see $dir/error.log"; return 1
}

stop_private_mariadb() {
  mariadb-admin --no-defaults --socket="$1/mysqld.sock" -uroot shutdown >/dev/null 2>&1 || true
}

wait_for_http() { # url, seconds
  for _ in $(seq 1 $(( $2 * 5 ))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  return 1
}
