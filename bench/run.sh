#!/usr/bin/env bash
# Benchmarks of the foundation on the demo province (SQLite): cold start with seeding, the home page and the
# institutions API under repeated requests, and the server's memory. Writes figures to stdout; copy them into
# bench/README.md with the date and machine. Usage: bench/run.sh [requests-per-scenario]
requests=${1:-200}
source "$(dirname "$0")/lib.sh"
bench_init

start=$(date +%s.%N)
start_app sqlite "Data Source=$work/bench.db"
echo "cold start with migration and demo seeding: $(python3 -c "print(round($(date +%s.%N)-$start,1))") s"

admin=$(login admin.diy)
bantul=$(login dinsos.bantul)
pengurus=$(login pengurus.01)
token=$(api_token admin.diy)

measure "home page, admin.diy (province)" -b "$admin" "$base/"
measure "home page, dinsos.bantul (kabupaten)" -b "$bantul" "$base/"
measure "home page, pengurus.01 (one WKSBM)" -b "$pengurus" "$base/"
profile=$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/institutions?regency=34.02&pageSize=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["items"][0]["id"])')
measure "register /wksbm, admin.diy (page 1 of 81)" -b "$admin" "$base/wksbm"
measure "register sorted by people served, admin.diy" -b "$admin" "$base/wksbm?urut=dilayani&arah=turun"
measure "Excel export /wksbm/ekspor, admin.diy (81 rows)" -b "$admin" "$base/wksbm/ekspor"
measure "WKSBM profile /wksbm/{id}, dinsos.bantul" -b "$bantul" "$base/wksbm/$profile"
measure "coverage /wksbm/cakupan, admin.diy" -b "$admin" "$base/wksbm/cakupan"
measure "GET /api/v1/institutions?pageSize=200, admin" -H "Authorization: Bearer $token" "$base/api/v1/institutions?pageSize=200"
echo "server memory after the runs: $(awk '/VmRSS/ {print int($2/1024)}' /proc/$app/status) MiB RSS"
