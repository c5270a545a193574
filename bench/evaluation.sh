#!/usr/bin/env bash
# Benchmark of the joint evaluation (issue 6): /evaluasi and GET /api/v1/evaluation on a registry of 100,000
# beneficiaries and 1,000,000 services spread over six semesters (the registry of bench/dashboard.sh:
# `large_registry ... 100000 1000000`, bench/Wahana.Bench seed --services, created on first use and cached), on
# SQLite and PostgreSQL. Builds Release, starts the app on it (a copy for SQLite: the app applies its migrations and
# writes audit entries) and times each scenario with curl, one request at a time, after 10 warm-up requests,
# printing p50/p95/max and the CPU time per request of the app and of the PostgreSQL server (as bench/search.sh).
#
#   bench/evaluation.sh [sqlite|postgres|both]    (default both; requests per scenario: requests=N, default 50)
set -euo pipefail
requests=${requests:-50}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init
which=${1:-both}
people=100000
services=1000000
# The last complete semester: the evaluation's default.
period=$(python3 -c '
import datetime
d = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date()
print(f"{d.year}-1" if d.month > 6 else f"{d.year - 1}-2")')

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

measure_cpu() {
  local before after db_before db_after
  if [[ -n ${warming:-} ]]; then # the first pass only touches every scenario (JIT, the file's pages)
    shift
    for _ in $(seq 1 10); do curl -s -o /dev/null "$@"; done
    return
  fi
  before=$(awk '{print $14 + $15}' "/proc/$app/stat")
  db_before=$(db_cpu)
  measure "$@"
  after=$(awk '{print $14 + $15}' "/proc/$app/stat")
  db_after=$(db_cpu)
  echo "    cpu per request: app $(python3 -c "print(round(($after - $before) * 1000 / $(getconf CLK_TCK) / ($requests + 11), 1))") ms, database server $(python3 -c "print(round(($db_after - $db_before) * 1000 / $(getconf CLK_TCK) / ($requests + 11), 1))") ms"
}

scenarios() { # provider
  local admin kulonprogo forum pengurus token kulonprogo_token
  admin=$(login admin.diy)
  kulonprogo=$(login dinsos.kulonprogo)
  forum=$(login forum.diy)
  pengurus=$(login pengurus.40)
  token=$(api_token admin.diy)
  kulonprogo_token=$(api_token dinsos.kulonprogo)
  if [[ -z ${warming:-} ]]; then
    echo "## $1, semester $period: $(curl -s -H "Authorization: Bearer $token" "$base/api/v1/evaluation?period=$period" | python3 -c '
import sys, json
d = json.load(sys.stdin)
print(f"{len(d[\"items\"])} WKSBM, {sum(i[\"peopleServed\"] or 0 for i in d[\"items\"]):,} people served (sum over WKSBM, admin.diy)")')"
  fi
  measure_cpu "admin.diy /evaluasi (province)" -b "$admin" "$base/evaluasi?periode=$period"
  measure_cpu "admin.diy /evaluasi sorted by people served" -b "$admin" "$base/evaluasi?periode=$period&urut=dilayani&arah=turun"
  measure_cpu "API admin /api/v1/evaluation (province)" -H "Authorization: Bearer $token" "$base/api/v1/evaluation?period=$period"
  measure_cpu "dinsos.kulonprogo /evaluasi (kabupaten)" -b "$kulonprogo" "$base/evaluasi?periode=$period"
  measure_cpu "API dinsos.kulonprogo /api/v1/evaluation" -H "Authorization: Bearer $kulonprogo_token" "$base/api/v1/evaluation?period=$period"
  measure_cpu "forum.diy /evaluasi (aggregates, <5 hidden)" -b "$forum" "$base/evaluasi?periode=$period"
  measure_cpu "pengurus.40 /evaluasi (own WKSBM)" -b "$pengurus" "$base/evaluasi?periode=$period"
  [[ -n ${warming:-} ]] || echo "server memory: $(awk '/^(RssAnon|RssFile):/ {printf "%s %d MiB ", $1, $2/1024}' /proc/$app/status)"
}

run_on() { # provider label connection
  local started
  started=$(date +%s)
  start_app "$1" "$3"
  echo "$2: app ready after $(( $(date +%s) - started )) s (includes migrations on the first start of a copy)"
  echo "machine load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
  warming=1 scenarios "$2"
  sleep 3 # let the JIT finish its background work
  scenarios "$2"
  echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_app
}

if [[ $which == sqlite || $which == both ]]; then
  large_registry sqlite $people $services
  cp "${REGISTRY_CONN#Data Source=}" "$work/registry.db"
  run_on sqlite SQLite "Data Source=$work/registry.db"
fi
if [[ $which == postgres || $which == both ]]; then
  large_registry postgres $people $services
  run_on postgres PostgreSQL "$REGISTRY_CONN"
  stop_postgres
fi
