#!/usr/bin/env bash
# Benchmark of the semester figures (issue 6): the dashboard (/dasbor and GET /api/v1/dashboard) on a registry of
# 100,000 beneficiaries and 1,000,000 services spread over six semesters, on SQLite and PostgreSQL. Builds Release,
# takes the registry of bench/lib.sh (`large_registry ... 100000 1000000`: bench/Wahana.Bench seed --services,
# created on first use and cached), starts the app on it (a copy for SQLite: the app applies its migrations and
# writes audit entries) and times each scenario with curl, one request at a time, after 10 warm-up requests,
# printing p50/p95/max and the CPU time per request of the app and of the PostgreSQL server.
#
#   bench/dashboard.sh [sqlite|postgres|both]    (default both; per scenario: requests=N timed (default 50) after
#                                                warmup=N (10), and touches=N (5) in a first pass over all scenarios)
#
# The scenario sets (sets="dashboard_scenarios evaluation_scenarios after_write_scenarios" by default): the dashboard,
# the joint evaluation, and both read right after a service is recorded. A set is a function calling measure_cpu
# (it may use $admin, $bantul, $forum, $pengurus (cookie jars), $token (admin bearer token), $period and $current).
set -euo pipefail
requests=${requests:-50}
touches=${touches:-5}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init
which=${1:-both}
people=100000
services=1000000
# The last complete semester: all its services are in (the current one is still filling).
period=$(python3 -c '
import datetime
d = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date()
print(f"{d.year}-1" if d.month > 6 else f"{d.year - 1}-2")')
current=$(python3 -c '
import datetime
d = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date()
print(f"{d.year}-{1 if d.month <= 6 else 2}")')

dashboard_scenarios() {
  [[ -n ${warming:-} ]] || echo "### dashboard, semester $period"
  measure_cpu "admin.diy /dasbor (province)" -b "$admin" "$base/dasbor?periode=$period"
  measure_cpu "admin.diy /dasbor?kabupaten=34.04 (filter)" -b "$admin" "$base/dasbor?periode=$period&kabupaten=34.04"
  measure_cpu "API admin /api/v1/dashboard (province)" -H "Authorization: Bearer $token" "$base/api/v1/dashboard?period=$period"
  measure_cpu "dinsos.bantul /dasbor (kabupaten)" -b "$bantul" "$base/dasbor?periode=$period"
  measure_cpu "API dinsos.bantul /api/v1/dashboard" -H "Authorization: Bearer $bantul_token" "$base/api/v1/dashboard?period=$period"
  measure_cpu "forum.diy /dasbor (aggregates, <5 hidden)" -b "$forum" "$base/dasbor?periode=$period"
  measure_cpu "pengurus.40 /dasbor (one WKSBM)" -b "$pengurus" "$base/dasbor?periode=$period"
}

# The joint evaluation: the same figures for every WKSBM in scope, with medians and peers.
evaluation_scenarios() {
  [[ -n ${warming:-} ]] || echo "### evaluation, semester $period"
  measure_cpu "admin.diy /evaluasi (province)" -b "$admin" "$base/evaluasi?periode=$period"
  measure_cpu "admin.diy /evaluasi sorted by people served" -b "$admin" "$base/evaluasi?periode=$period&urut=dilayani&arah=turun"
  measure_cpu "API admin /api/v1/evaluation (province)" -H "Authorization: Bearer $token" "$base/api/v1/evaluation?period=$period"
  measure_cpu "dinsos.bantul /evaluasi (kabupaten)" -b "$bantul" "$base/evaluasi?periode=$period"
  measure_cpu "forum.diy /evaluasi (aggregates, <5 hidden)" -b "$forum" "$base/evaluasi?periode=$period"
  measure_cpu "pengurus.40 /evaluasi (own WKSBM)" -b "$pengurus" "$base/evaluasi?periode=$period"
}

# The figures are kept per WKSBM and semester and forgotten by each save that touches them: the province's
# dashboard and evaluation of the current semester, each read right after pengurus.40 recorded a service (so its
# WKSBM's part is read again from the database). Times are of the read; the CPU includes the write.
after_write_scenarios() {
  [[ -z ${warming:-} ]] || return 0
  local pengurus_token person today
  pengurus_token=$(api_token pengurus.40)
  person=$(curl -s -H "Authorization: Bearer $pengurus_token" "$base/api/v1/beneficiaries?pageSize=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["items"][0]["id"])')
  today=$(TZ=Asia/Jakarta date +%F)
  echo "### after a service is recorded, semester $current"
  # The semester's parts are read once before (as any earlier visitor would have).
  curl -s -o /dev/null -b "$admin" "$base/dasbor?periode=$current"
  curl -s -o /dev/null -H "Authorization: Bearer $token" "$base/api/v1/evaluation?period=$current"
  record() { curl -s -o /dev/null -H "Authorization: Bearer $pengurus_token" -H 'content-type: application/json' \
    -d "{\"beneficiaryId\":\"$person\",\"date\":\"$today\",\"kind\":\"santunan\",\"form\":\"barang\",\"value\":1000,\"fundingSource\":\"swadaya\"}" \
    "$base/api/v1/services"; }
  measure_cpu_after record "admin.diy /dasbor (province) after a service" -b "$admin" "$base/dasbor?periode=$current"
  measure_cpu_after record "API admin /api/v1/evaluation (province) after a service" -H "Authorization: Bearer $token" "$base/api/v1/evaluation?period=$current"
}

measure_cpu_after() { # write function, name, curl args...
  local write=$1 name=$2 before after db_before db_after
  shift 2
  before=$(awk '{print $14 + $15}' "/proc/$app/stat")
  db_before=$(db_cpu)
  for _ in $(seq 1 "$requests"); do "$write"; curl -s -o /dev/null -w '%{time_total}\n' "$@"; done >"$work/times"
  after=$(awk '{print $14 + $15}' "/proc/$app/stat")
  db_after=$(db_cpu)
  percentiles "$name" "$work/times"
  echo "    cpu per write + read: app $(python3 -c "print(round(($after - $before) * 1000 / $(getconf CLK_TCK) / $requests, 1))") ms, database server $(python3 -c "print(round(($db_after - $db_before) * 1000 / $(getconf CLK_TCK) / $requests, 1))") ms"
}

scenario_sets=(${sets:-dashboard_scenarios evaluation_scenarios after_write_scenarios})

scenarios() { # provider
  admin=$(login admin.diy)
  bantul=$(login dinsos.bantul)
  forum=$(login forum.diy)
  pengurus=$(login pengurus.40)
  token=$(api_token admin.diy)
  bantul_token=$(api_token dinsos.bantul)
  if [[ -z ${warming:-} ]]; then
    echo "## $1: $(curl -s -H "Authorization: Bearer $token" "$base/api/v1/dashboard?period=$period" | python3 -c '
import sys, json
d = json.load(sys.stdin)["totals"]
print("{:,} people served, {:,} services in the semester (admin.diy)".format(d["peopleServed"], d["services"]))')"
  fi
  local set
  for set in "${scenario_sets[@]}"; do "$set"; done
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
