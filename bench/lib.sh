#!/usr/bin/env bash
# Shared by the benchmark scripts of bench/: source it, then call bench_init.
#   start_postgres [DIR]               a throw-away PostgreSQL 15 on a free port ($PG_CONN), stopped on exit
#   large_registry sqlite|postgres N [S]  a database with the demo plus synthetic people up to N ($REGISTRY_CONN),
#                                      with S services spread over six semesters when S is given (seed --services);
#                                      kept in ~/.cache/wahana-bench (or $WAHANA_BENCH_DATA) and reused by later runs (the
#                                      PostgreSQL cluster is copied per run; copy the SQLite file before writing)
#   start_app sqlite|postgres CONN     the Release app on a free port ($base, $app), stopped on exit
#   login USER / api_token USER        a cookie jar / a bearer token of a demo user
#   measure NAME CURL-ARGS...          $warmup (10) warm-up requests, then $requests timed ones: p50, p95, max
#   measure_cpu NAME CURL-ARGS...      measure, then CPU per request of the app and PostgreSQL (warming=1: only
#                                      touch it $touches (20) times)
set -euo pipefail

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requests=${requests:-200}
app=""
PG_DIR=""
PG_BIN=/usr/lib/postgresql/15/bin

bench_init() {
  cd "$BENCH_ROOT"
  work=$(mktemp -d)
  trap bench_cleanup EXIT
  dotnet build src/Wahana.Web -c Release -v q -nologo >/dev/null
}

bench_cleanup() {
  stop_app
  stop_postgres
  rm -rf "$work"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

pg_run() {
  if [[ "$(id -u)" -eq 0 ]]; then su postgres -s /bin/bash -c "cd / && $(printf '%q ' "$@")"; else "$@"; fi
}

start_postgres() { # [saved data directory to start from]
  local port
  port=$(free_port)
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/wahana-bench-pg.XXXXXX")
  chmod 0755 "$PG_DIR"
  if [[ -n "${1:-}" ]]; then
    cp -a "$1" "$PG_DIR/data"
  fi
  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
    chown -R postgres: "$PG_DIR"
  fi
  if [[ -z "${1:-}" ]]; then
    pg_run "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
  fi
  # Default durability (fsync on): the figures are those of a real server, not of the test set-up.
  pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c shared_buffers=1GB -c work_mem=32MB" start >/dev/null
  PG_CONN="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

stop_postgres() {
  if [[ -n "$PG_DIR" ]]; then
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
  fi
}

start_app() { # provider connection
  local port
  port=$(free_port)
  base="http://127.0.0.1:$port"
  local provider=Sqlite
  [[ $1 == postgres ]] && provider=Postgres
  ASPNETCORE_ENVIRONMENT=Development Wahana__Database__Provider=$provider ConnectionStrings__Wahana="$2" \
    dotnet src/Wahana.Web/bin/Release/net10.0/Wahana.Web.dll --urls "$base" --contentRoot "$PWD/src/Wahana.Web" >"$work/app.log" 2>&1 &
  app=$!
  until curl -sf "$base/healthz" >/dev/null; do
    kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; exit 1; }
    sleep 0.2
  done
}

stop_app() {
  if [[ -n "$app" ]]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=""
  fi
}

large_registry() { # provider people [services]
  local provider=$1 people=$2 services=${3:-}
  local data=${WAHANA_BENCH_DATA:-${XDG_CACHE_HOME:-$HOME/.cache}/wahana-bench}
  local name=$people seed_services=()
  if [[ -n $services ]]; then
    name="$people-s$services"
    seed_services=(--services "$services")
  fi
  mkdir -p "$data"
  if [[ $provider == sqlite ]]; then
    local file="$data/registry-$name.db"
    REGISTRY_CONN="Data Source=$file"
    [[ -f $file ]] && { echo "reusing $file"; return; }
    rm -f "$file.partial"
    start_app sqlite "Data Source=$file.partial"
    stop_app
    dotnet run --project bench/Wahana.Bench -c Release -- seed --provider sqlite --connection "Data Source=$file.partial" --people "$people" "${seed_services[@]}"
    sqlite3 "$file.partial" 'PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;' >/dev/null 2>&1 || true
    mv "$file.partial" "$file"
  else
    # A PostgreSQL cluster holding the registry is kept as a stopped data directory and copied for each run.
    local saved="$data/pg-registry-$name"
    if [[ -d $saved ]]; then
      echo "reusing $saved"
      start_postgres "$saved"
      REGISTRY_CONN="$PG_CONN"
      return
    fi
    start_postgres
    REGISTRY_CONN="$PG_CONN"
    start_app postgres "$REGISTRY_CONN"
    stop_app
    dotnet run --project bench/Wahana.Bench -c Release -- seed --provider postgres --connection "$REGISTRY_CONN" --people "$people" "${seed_services[@]}"
    pg_run "$PG_BIN/psql" -h "$PG_DIR" -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$PG_CONN")" -U postgres -c 'VACUUM ANALYZE' >/dev/null
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
    rm -rf "$saved.partial"
    cp -a "$PG_DIR/data" "$saved.partial"
    mv "$saved.partial" "$saved"
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$PG_CONN") -k $PG_DIR -c shared_buffers=1GB -c work_mem=32MB" start >/dev/null
  fi
}

login() { # user → cookie jar path
  local jar="$work/$1.jar" token
  token=$(curl -s -c "$jar" "$base/masuk" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Username=$1" --data-urlencode "Password=wahana-demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/masuk"
  echo "$jar"
}

api_token() { # user → bearer token
  curl -s -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"wahana-demo\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])'
}

measure() { # name, curl args...
  local name=$1 status
  shift
  status=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  [[ $status == 200 ]] || { echo "$name: HTTP $status, not measured" >&2; return; }
  for _ in $(seq 1 "${warmup:-10}"); do curl -s -o /dev/null "$@"; done
  for _ in $(seq 1 "$requests"); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done >"$work/times"
  percentiles "$name" "$work/times"
}

percentiles() { # name, file of times in seconds (one a line) → "name: n=.. p50=.. ms p95=.. ms max=.. ms"
  python3 - "$1" "$2" <<'PY'
import sys
t = sorted(float(x) * 1000 for x in open(sys.argv[2]))
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"{sys.argv[1]}: n={len(t)} p50={p(0.5):.1f} ms p95={p(0.95):.1f} ms max={t[-1]:.1f} ms")
PY
}

# measure, followed by the CPU time (user + system) per request of the app ($app) and of the PostgreSQL server:
# figures that do not depend on what else the machine is running, unlike the wall-clock percentiles.
# With warming set, only touches the scenario 20 times (JIT, the database's pages).
db_cpu() { # CPU ticks of the PostgreSQL server (postmaster and its backends); 0 on SQLite (it runs inside the app)
  if [[ -n $PG_DIR && -f $PG_DIR/data/postmaster.pid ]]; then
    local postmaster
    postmaster=$(head -1 "$PG_DIR/data/postmaster.pid")
    { echo "$postmaster"; ps --ppid "$postmaster" -o pid=; } | while read -r pid; do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null; done \
      | awk '{s += $1} END {print s + 0}'
  else
    echo 0
  fi
}

measure_cpu() { # name, curl args...
  local before after db_before db_after
  if [[ -n ${warming:-} ]]; then
    shift
    for _ in $(seq 1 "${touches:-20}"); do curl -s -o /dev/null "$@"; done
    return
  fi
  before=$(awk '{print $14 + $15}' "/proc/$app/stat")
  db_before=$(db_cpu)
  measure "$@"
  after=$(awk '{print $14 + $15}' "/proc/$app/stat")
  db_after=$(db_cpu)
  echo "    cpu per request: app $(python3 -c "print(round(($after - $before) * 1000 / $(getconf CLK_TCK) / ($requests + ${warmup:-10} + 1), 1))") ms, database server $(python3 -c "print(round(($db_after - $db_before) * 1000 / $(getconf CLK_TCK) / ($requests + ${warmup:-10} + 1), 1))") ms"
}
