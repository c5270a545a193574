#!/usr/bin/env bash
# Benchmarks of the foundation on the demo province (SQLite): cold start with seeding, the home page and the
# institutions API under repeated requests, and the server's memory. Writes figures to stdout; copy them into
# bench/README.md with the date and machine. Usage: bench/run.sh [requests-per-scenario]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/Wahana.Web -c Release -v q -nologo >/dev/null
start=$(date +%s.%N)
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Wahana="Data Source=$work/bench.db" \
  dotnet src/Wahana.Web/bin/Release/net10.0/Wahana.Web.dll --urls "$base" --contentRoot "$PWD/src/Wahana.Web" >"$work/app.log" 2>&1 &
app=$!
until curl -sf "$base/healthz" >/dev/null; do
  kill -0 $app 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 0.2
done
echo "cold start with migration and demo seeding: $(python3 -c "print(round($(date +%s.%N)-$start,1))") s"

login() { # cookie jar for a user
  local jar="$work/$1.jar"
  local token
  token=$(curl -s -c "$jar" "$base/masuk" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Username=$1" --data-urlencode "Password=wahana-demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/masuk"
  echo "$jar"
}

measure() { # name, curl args...
  local name=$1; shift
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  [[ $status == 200 ]] || { echo "$name: HTTP $status, not measured" >&2; return; }
  for _ in $(seq 1 10); do curl -s -o /dev/null "$@"; done
  for _ in $(seq 1 "$requests"); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done >"$work/times"
  python3 - "$name" "$work/times" <<'PY'
import sys, statistics
t = sorted(float(x) * 1000 for x in open(sys.argv[2]))
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"{sys.argv[1]}: n={len(t)} p50={p(0.5):.1f} ms p95={p(0.95):.1f} ms max={t[-1]:.1f} ms")
PY
}

admin=$(login admin.diy)
bantul=$(login dinsos.bantul)
pengurus=$(login pengurus.01)
token=$(curl -s -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"username":"admin.diy","password":"wahana-demo"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')

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
