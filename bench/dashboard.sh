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
# To add scenarios (the joint evaluation, ...): define a function NAME_scenarios that calls measure_cpu (it may use
# $admin, $bantul, $forum (cookie jars), $token (admin bearer token) and $period) and add NAME_scenarios to
# scenario_sets below.
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

scenario_sets=(dashboard_scenarios)

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
