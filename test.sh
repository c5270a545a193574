#!/usr/bin/env bash
# Runs every test of Wahana: builds once, then the unit and integration tests (SQLite and PostgreSQL) and the
# browser tests (Debian's Chromium). Installs what a fresh Debian 12 machine lacks (Chromium, the npm packages),
# starts a throw-away PostgreSQL 15 on a free port of 127.0.0.1 and stops it on exit.
#
#   ./test.sh                      everything
#   ./test.sh --filter Nik         only tests whose name matches (passed to `dotnet test --filter`)
#
# Set WAHANA_TEST_POSTGRES yourself to use a PostgreSQL server you already run (then none is started).
# Ends with the line "N passed, N failed, N skipped" summed over both test projects.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$(pwd)"

FILTER=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --filter)
      [[ $# -ge 2 ]] || { echo "test.sh: --filter needs a value" >&2; exit 2; }
      FILTER=(--filter "$2"); shift 2 ;;
    --filter=*)
      FILTER=(--filter "${1#--filter=}"); shift ;;
    -h|--help)
      sed -n '2,11p' "$0"; exit 0 ;;
    *)
      echo "test.sh: unknown argument $1 (use --filter EXPRESSION)" >&2; exit 2 ;;
  esac
done

log() { printf '\n== %s\n' "$*"; }

IS_ROOT=0
[[ "$(id -u)" -eq 0 ]] && IS_ROOT=1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Playwright must use Debian's Chromium and never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

APT_UPDATED=0
apt_install() {
  if [[ $IS_ROOT -ne 1 ]]; then
    echo "test.sh: $* is missing and only root can install it (apt-get install $*)." >&2
    return 1
  fi
  if [[ $APT_UPDATED -eq 0 ]]; then
    apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# --- what the machine may lack ------------------------------------------------------------------
if [[ ! -x /usr/bin/chromium ]]; then
  log "Installing Debian's Chromium for the browser tests"
  apt_install chromium
fi

if [[ ! -f node_modules/.package-lock.json ]]; then
  log "Installing the front-end packages (npm ci)"
  npm ci --no-audit --no-fund
fi

# --- a throw-away PostgreSQL --------------------------------------------------------------------
PG_DIR=""
PG_BIN=""
PG_STARTED=0

pg_run() {
  # Runs a PostgreSQL program as the owner of the data directory: as `postgres` when we are root
  # (PostgreSQL refuses to run as root), as ourselves otherwise.
  if [[ $IS_ROOT -eq 1 ]]; then
    su postgres -s /bin/bash -c "cd / && $(printf '%q ' "$@")"
  else
    "$@"
  fi
}

stop_postgres() {
  if [[ $PG_STARTED -eq 1 ]]; then
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    PG_STARTED=0
  fi
  if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
    rm -rf "$PG_DIR"
  fi
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for port in $(seq 15432 15532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "test.sh: no free port for PostgreSQL" >&2
  return 1
}

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return
  fi
  return 1
}

start_postgres() {
  if ! PG_BIN="$(find_pg_bin)"; then
    log "Installing PostgreSQL"
    apt_install postgresql
    PG_BIN="$(find_pg_bin)"
  fi
  if [[ $IS_ROOT -eq 1 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin postgres
  fi

  local port
  port="$(free_port)"
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/wahana-pg.XXXXXX")"
  chmod 0755 "$PG_DIR"
  if [[ $IS_ROOT -eq 1 ]]; then
    chown postgres: "$PG_DIR"
  fi

  log "Starting PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port in $PG_DIR"
  pg_run "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # Throw-away data: no durability needed, which makes the tests faster.
  pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_STARTED=1
  export WAHANA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

if [[ -n "${WAHANA_TEST_POSTGRES:-}" ]]; then
  log "Using the PostgreSQL server in WAHANA_TEST_POSTGRES"
else
  start_postgres
fi

# --- build once, then test --------------------------------------------------------------------------
log "Building (Release)"
dotnet build Wahana.slnx -c Release -nologo -clp:NoSummary -v:quiet

RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS/trx"
mkdir -p "$RESULTS/trx"

counter() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }

PASSED=0 FAILED=0 SKIPPED=0 STATUS=0
for project in Wahana.Tests Wahana.BrowserTests; do
  log "Testing $project"
  rc=0
  dotnet test "tests/$project/$project.csproj" -c Release --no-build --nologo \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=$project.trx" \
    --results-directory "$RESULTS/trx" "${FILTER[@]}" || rc=$?
  trx="$RESULTS/trx/$project.trx"
  if [[ -f "$trx" ]]; then
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    p="$(counter passed "$counters")"; f="$(counter failed "$counters")"; n="$(counter notExecuted "$counters")"
    PASSED=$((PASSED + ${p:-0})); FAILED=$((FAILED + ${f:-0})); SKIPPED=$((SKIPPED + ${n:-0}))
  elif [[ $rc -ne 0 ]]; then
    echo "test.sh: $project produced no results (exit code $rc)" >&2
    FAILED=$((FAILED + 1))
  fi
  if [[ $rc -ne 0 ]]; then
    STATUS=1
  fi
done

if [[ $FAILED -gt 0 ]]; then
  STATUS=1
fi
if [[ -d "$RESULTS/screenshots" ]]; then
  echo
  echo "Screenshots of the browser tests: $RESULTS/screenshots"
fi
echo
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
exit $STATUS
