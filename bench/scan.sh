#!/usr/bin/env bash
# The full-registry duplicate scan (what "Pindai seluruh registri" on /penerima/duplikat runs) on a registry of
# N people (default 1,000,000; built once and cached by lib.sh's large_registry), on SQLite and on PostgreSQL:
# time per step, pairs found, and the peak memory of the process. The scan writes the pairs it finds, so it runs on
# a copy of the cached registry. Usage: bench/scan.sh [people]
people=${1:-1000000}
source "$(dirname "$0")/lib.sh"
bench_init
dotnet build bench/Wahana.Bench -c Release -v q -nologo >/dev/null
scan=bench/Wahana.Bench/bin/Release/net10.0/Wahana.Bench.dll

for provider in sqlite postgres; do
  echo "== $provider, $people people"
  large_registry "$provider" "$people"
  if [[ $provider == sqlite ]]; then
    cp "${REGISTRY_CONN#Data Source=}" "$work/scan.db"
    connection="Data Source=$work/scan.db"
  else
    connection="$REGISTRY_CONN"
  fi
  /usr/bin/time -v dotnet "$scan" scan --provider "$provider" --connection "$connection" 2>"$work/time"
  grep -E "Maximum resident|Percent of CPU" "$work/time" | sed 's/^\s*/  /'
  stop_postgres
  rm -f "$work/scan.db"
done
