#!/usr/bin/env bash
# Benchmark of the beneficiary registry (issue 4): name search and filtered lists through the real endpoints
# (/penerima and GET /api/v1/beneficiaries) on a registry of a million people, on SQLite and PostgreSQL.
# Builds Release, takes the large registry of bench/lib.sh (created by bench/Wahana.Bench on first use and
# cached), starts the app on it and times each scenario with curl, one request at a time, after 10 warm-up
# requests. The SQLite file is copied first: the app adds its name index (migration) and writes audit entries.
#
#   bench/search.sh [sqlite|postgres|both]      (default both; requests per scenario: requests=N, default 100)
set -euo pipefail
requests=${requests:-100}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init
which=${1:-both}
people=1000000

# measure_cpu (lib.sh): the wall-clock percentiles and the CPU time per request of the app and of the PostgreSQL server.

scenarios() { # provider
  local admin bantul pengurus token nik
  admin=$(login admin.diy)
  bantul=$(login dinsos.bantul)
  pengurus=$(login pengurus.40)
  token=$(api_token admin.diy)
  # A real NIK to look up: a person found by name, revealed once through the API (audited like any reveal).
  cat >"$work/nik.py" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def call(path, body=None):
    request = urllib.request.Request(base + path, data=body, headers={"Authorization": "Bearer " + token, "content-type": "application/json"})
    return json.load(urllib.request.urlopen(request))
person = next(i for i in call("/api/v1/beneficiaries?q=nasyiah&pageSize=50")["items"] if i["nik"])
print(call(f"/api/v1/beneficiaries/{person['id']}/reveal", json.dumps({"reason": "benchmark"}).encode())["nik"])
PY
  nik=$(python3 "$work/nik.py" "$base" "$token")
  if [[ -z ${warming:-} ]]; then echo "## $1, $(curl -s -H "Authorization: Bearer $token" "$base/api/v1/beneficiaries?pageSize=1" | python3 -c 'import sys,json; d=json.load(sys.stdin); print(("more than " if d["totalCapped"] else "") + str(d["total"]))') people listed for admin.diy"; fi
  [[ -n ${warming:-} ]] || echo "### name search"
  measure_cpu "admin.diy q=rahmi (first name, ~5,000 people)" -b "$admin" "$base/penerima?q=rahmi"
  measure_cpu "admin.diy q=hutagalung (surname, ~4,300)" -b "$admin" "$base/penerima?q=hutagalung"
  measure_cpu "admin.diy q=siti+nasyiah (full name, 31)" -b "$admin" "$base/penerima?q=siti+nasyiah"
  measure_cpu "admin.diy q=nasy (part of two names, ~16,000)" -b "$admin" "$base/penerima?q=nasy"
  measure_cpu "admin.diy q=ana (in ~62,000 names)" -b "$admin" "$base/penerima?q=ana"
  measure_cpu "admin.diy q=zqxw (no match)" -b "$admin" "$base/penerima?q=zqxw"
  measure_cpu "admin.diy q=<full NIK>" -b "$admin" "$base/penerima?q=$nik"
  measure_cpu "dinsos.bantul q=putri (kabupaten)" -b "$bantul" "$base/penerima?q=putri"
  measure_cpu "pengurus.40 q=ade (one WKSBM)" -b "$pengurus" "$base/penerima?q=ade"
  measure_cpu "API admin q=rahmi&pageSize=100" -H "Authorization: Bearer $token" "$base/api/v1/beneficiaries?q=rahmi&pageSize=100"
  [[ -n ${warming:-} ]] || echo "### filtered lists"
  measure_cpu "admin.diy all, page 1" -b "$admin" "$base/penerima"
  measure_cpu "admin.diy all, page 20" -b "$admin" "$base/penerima?halaman=20"
  measure_cpu "admin.diy kabupaten+category+60+" -b "$admin" "$base/penerima?kabupaten=34.02&kategori=lansia-terlantar&umur=60%2B"
  measure_cpu "admin.diy kalurahan" -b "$admin" "$base/penerima?kalurahan=34.02.10.2007"
  measure_cpu "admin.diy without NIK, women" -b "$admin" "$base/penerima?tanpa-nik=1&jk=P"
  measure_cpu "admin.diy not served this semester" -b "$admin" "$base/penerima?belum-dilayani=1"
  measure_cpu "admin.diy desil 1, 0-5 years, by age" -b "$admin" "$base/penerima?desil=1&umur=0-5&urut=umur"
  measure_cpu "dinsos.bantul all" -b "$bantul" "$base/penerima"
  measure_cpu "dinsos.bantul category+60+" -b "$bantul" "$base/penerima?kategori=lansia-terlantar&umur=60%2B"
  measure_cpu "dinsos.bantul not served, desil 1" -b "$bantul" "$base/penerima?belum-dilayani=1&desil=1"
  measure_cpu "pengurus.40 all" -b "$pengurus" "$base/penerima"
  measure_cpu "pengurus.40 category fakir-miskin, men" -b "$pengurus" "$base/penerima?kategori=fakir-miskin&jk=L"
  measure_cpu "API admin regency+category+sex, pageSize=100" -H "Authorization: Bearer $token" \
    "$base/api/v1/beneficiaries?regency=34.02&category=fakir-miskin&sex=P&pageSize=100"
  [[ -n ${warming:-} ]] || echo "server memory: $(awk '/^(RssAnon|RssFile):/ {printf "%s %d MiB ", $1, $2/1024}' /proc/$app/status)(RssFile: pages of the database file mapped by SQLite, shared with the OS page cache)"
}

if [[ $which == sqlite || $which == both ]]; then
  large_registry sqlite $people
  cp "${REGISTRY_CONN#Data Source=}" "$work/registry.db"
  started=$(date +%s)
  start_app sqlite "Data Source=$work/registry.db"
  echo "SQLite: app ready after $(( $(date +%s) - started )) s (includes the name-index migration on first start)"
  warming=1 scenarios SQLite
  sleep 3 # let the JIT finish its background work
  scenarios SQLite
  stop_app
fi
if [[ $which == postgres || $which == both ]]; then
  large_registry postgres $people
  start_app postgres "$REGISTRY_CONN"
  warming=1 scenarios PostgreSQL
  sleep 3
  scenarios PostgreSQL
  stop_app
  stop_postgres
fi
