#!/usr/bin/env bash
# Runs every test suite of OutreachAdvisor: restores and builds the .NET solution, runs all
# MSTest projects, then the add-in's suites (addin/run-tests.sh: npm packages, Debian's chromium
# when missing, lint, unit, manifest and browser tests against `outreach serve`), and prints one
# total line "tests: N passed, N failed".
# Exits non-zero when a test failed, when the build failed, or when no test ran at all.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
passed=0
failed=0
status=0

step() { printf '\n== %s\n' "$*"; }

step "dotnet restore and build"
if ! dotnet build OutreachAdvisor.sln -c Release -nologo -v minimal; then
  echo "tests: 0 passed, 1 failed (the build failed)"
  exit 1
fi

step "dotnet format (verify)"
# Style is part of the build's contract: a change that is not `dotnet format` clean counts as a failure.
if ! dotnet format OutreachAdvisor.sln --no-restore --verify-no-changes -v quiet; then
  echo "not dotnet-format clean: run 'dotnet format OutreachAdvisor.sln'" >&2
  failed=$((failed + 1))
fi

# ---- Azurite (Azure Storage emulator) for tests/OutreachAdvisor.ReportJobs.Tests ------------------
# Pinned in tools/azurite, in memory, on 127.0.0.1; default ports 10000-10002, or three free ones
# (then AZURITE_CONNECTION_STRING tells the tests where). Stopped on exit. If it does not come up,
# the report job tests fail saying so (they never skip).
step "Azurite"
azurite_pid=""
stop_azurite() { if [ -n "$azurite_pid" ]; then kill "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null; fi; }
trap 'stop_azurite; rm -rf "$results"' EXIT
port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
if npm ci --prefix tools/azurite --no-audit --no-fund --loglevel=error; then
  blob_port=10000 queue_port=10001 table_port=10002
  if port_answers 10000 || port_answers 10001 || port_answers 10002; then
    blob_port=$(free_port) queue_port=$(free_port) table_port=$(free_port)
    # Azurite's well-known development account and key (public, emulator only).
    export AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
  fi
  tools/azurite/node_modules/.bin/azurite --silent --inMemoryPersistence --disableTelemetry --skipApiVersionCheck \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" >"$results/azurite.log" 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 60); do port_answers "$blob_port" && break; sleep 0.5; done
  if port_answers "$blob_port"; then echo "Azurite on 127.0.0.1:$blob_port-$table_port"; else echo "Azurite did not start:" >&2; cat "$results/azurite.log" >&2; fi
else
  echo "npm ci --prefix tools/azurite failed: the report job tests will fail" >&2
fi
# ---- end of Azurite ------------------------------------------------------------------------------

step "dotnet test"
dotnet test OutreachAdvisor.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/dotnet" || status=1

# Count from the TRX files: VSTest prints no single total line of its own.
for trx in "$results"/dotnet/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

step "add-in tests"
addin_log="$results/addin.log"
bash addin/run-tests.sh 2>&1 | tee "$addin_log"
addin_status=${PIPESTATUS[0]}
addin_line=$(grep -E '^addin: [0-9]+ passed, [0-9]+ failed$' "$addin_log" | tail -n 1)
if [ -n "$addin_line" ]; then
  passed=$((passed + $(sed -E 's/^addin: ([0-9]+) passed.*/\1/' <<<"$addin_line")))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$addin_line")))
else
  failed=$((failed + 1))
fi
[ "$addin_status" -eq 0 ] || status=1

echo
echo "tests: $passed passed, $failed failed"
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi
