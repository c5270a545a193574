#!/usr/bin/env bash
# Import benchmark (issue 4): a deterministic, valid 100,000-row xlsx (bench/Wahana.Bench import-file, NIKs from
# Nik.Compose that the registry does not hold yet) imported by pengurus.01 through the real pages, as a browser does:
# upload (POST /penerima/impor), the dry run polled to its end, then "semua atau tidak sama sekali"
# (POST ?handler=Commit) polled to its end. Against a registry of PEOPLE beneficiaries (the demo topped up by
# Wahana.Bench seed, cached by lib.sh), on SQLite and/or PostgreSQL. Prints the dry-run and commit times, rows per
# second over both, the server's CPU time for them, and its memory: resident before the upload and peak (VmHWM).
#
#   bench/import.sh [sqlite|postgres|both] [people] [rows]     defaults: both 1000000 100000
#   bench/import.sh sqlite demo                                 on the plain demo province (no large registry)
set -euo pipefail
targets=${1:-both}
people=${2:-1000000}
rows=${3:-100000}
source "$(dirname "$0")/lib.sh"
bench_init
dotnet build bench/Wahana.Bench -c Release -v q -nologo >/dev/null
bench_tool="dotnet bench/Wahana.Bench/bin/Release/net10.0/Wahana.Bench.dll"

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
hidden() { # name, html → value of the hidden input
  grep -o "name=\"$1\"[^>]*value=\"[^\"]*\"\|value=\"[^\"]*\"[^>]*name=\"$1\"" <<<"$2" | head -n 1 | sed 's/.*value="\([^"]*\)".*/\1/'
}
token_of() { hidden __RequestVerificationToken "$1"; }

wait_job() { # job url → waits until no pass runs
  while curl -s -b "$jar" "$base$1?handler=Status" | grep -q 'data-testid="import-running"'; do
    sleep 0.5
  done
}

testid() { # id, html → text of the data-testid element
  sed -n "s/.*data-testid=\"$1\"[^>]*>\([^<]*\)<.*/\1/p" <<<"$2" | head -n 1 | tr -d '.'
}

run_import() { # provider connection
  local provider=$1 connection=$2 file="$work/import-$1.xlsx"
  start_app "$provider" "$connection"
  local institution
  institution=$($bench_tool import-file --provider "$provider" --connection "$connection" --user pengurus.01 --rows "$rows" --out "$file")
  jar=$(login pengurus.01)
  local page token id
  page=$(curl -s -b "$jar" -c "$jar" "$base/penerima/impor")
  token=$(token_of "$page")
  id=$(hidden InstitutionId "$page")
  local rss_before cpu0 t0 t1 t2 cpu1 cpu2 job html
  rss_before=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$app/status")
  cpu0=$(cpu_ticks)
  t0=$(now)
  job=$(curl -s -b "$jar" -o /dev/null -w '%{redirect_url}' -F "__RequestVerificationToken=$token" -F "InstitutionId=$id" \
    -F "Upload=@$file;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$base/penerima/impor")
  job=${job#"$base"}
  [[ $job == /penerima/impor/* ]] || { echo "upload refused"; cat "$work/app.log" | tail -20; exit 1; }
  wait_job "$job"
  t1=$(now)
  cpu1=$(cpu_ticks)
  html=$(curl -s -b "$jar" "$base$job")
  local valid invalid
  valid=$(testid import-valid "$html")
  invalid=$(testid import-invalid "$html")
  [[ $invalid == 0 ]] || { echo "dry run found $invalid bad rows:"; grep -o '<tr><td>[0-9.]*</td><td>[^<]*</td><td>[^<]*</td></tr>' <<<"$html" | head -5; exit 1; }
  curl -s -b "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$(token_of "$html")" --data-urlencode "mode=semua" "$base$job?handler=Commit"
  wait_job "$job"
  t2=$(now)
  cpu2=$(cpu_ticks)
  html=$(curl -s -b "$jar" "$base$job")
  local saved
  saved=$(testid import-saved "$html")
  local hwm
  hwm=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$app/status")
  local ticks
  ticks=$(getconf CLK_TCK)
  echo "$provider, registry of $(registry_size) people, WKSBM ${institution#* }, $(du -h "$file" | cut -f1) file:"
  echo "  dry run: $valid valid rows in $(elapsed "$t0" "$t1") s (server CPU $(python3 -c "print(f'{($cpu1 - $cpu0) / $ticks:.1f}')") s)"
  echo "  commit:  $saved rows saved in $(elapsed "$t1" "$t2") s (server CPU $(python3 -c "print(f'{($cpu2 - $cpu1) / $ticks:.1f}')") s)"
  echo "  total:   $(elapsed "$t0" "$t2") s, $(python3 -c "print(f'{$saved / ($t2 - $t0):,.0f}')") rows/s"
  echo "  server memory: ${rss_before} MiB resident before the upload, peak (VmHWM) ${hwm} MiB"
  stop_app
}

registry_size() {
  if [[ $people == demo ]]; then echo "the demo"; else printf "%'d" "$people"; fi
}

for provider in sqlite postgres; do
  [[ $targets == both || $targets == "$provider" ]] || continue
  if [[ $people == demo ]]; then
    if [[ $provider == sqlite ]]; then
      run_import sqlite "Data Source=$work/demo.db"
    else
      start_postgres
      run_import postgres "$PG_CONN"
      stop_postgres
    fi
  elif [[ $provider == sqlite ]]; then
    large_registry sqlite "$people"
    # The import writes: work on a copy of the cached registry.
    cp "${REGISTRY_CONN#Data Source=}" "$work/registry.db"
    run_import sqlite "Data Source=$work/registry.db"
    rm -f "$work/registry.db"*
  else
    large_registry postgres "$people"
    run_import postgres "$REGISTRY_CONN"
    stop_postgres
  fi
done
