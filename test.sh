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
