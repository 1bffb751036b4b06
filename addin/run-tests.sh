#!/usr/bin/env bash
# The add-in's one test entry point (the repo's test.sh calls it).
#
# ASSUMES the caller has already built the .NET solution in Release, so that
#   functions/OutreachAdvisor.Cli/bin/Release/net10.0/outreach.dll
# exists: the browser tests start `outreach serve` from it.
#
# Installs the npm packages (npm ci) and Debian's chromium when /usr/bin/chromium is missing,
# then runs lint, typecheck, build, unit tests, manifest tests and browser (e2e) tests.
# Prints one final line "addin: N passed, N failed" (lint/typecheck/build failures count as
# failed) and exits non-zero on any failure or when no test ran.
set -uo pipefail
cd "$(dirname "$0")"

passed=0
failed=0
out=test-results
mkdir -p "$out"

step() { printf '\n== addin: %s\n' "$*"; }
fail_step() { echo "addin: $1 failed" >&2; failed=$((failed + 1)); }

# Adds a vitest JSON report's counts; a missing report counts as one failure.
count_vitest() {
  local report=$1 counts
  if counts=$(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0))' "$PWD/$report" 2>/dev/null); then
    read -r p f <<<"$counts"
    passed=$((passed + p))
    failed=$((failed + f))
  else
    fail_step "$report (no report)"
  fi
}

step "npm ci"
if ! npm ci --no-audit --no-fund --loglevel=error; then
  echo "addin: 0 passed, 1 failed"
  exit 1
fi

if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  step "apt-get install chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null || echo "chromium could not be installed" >&2
fi

step "lint"
npm run --silent lint || fail_step lint
step "typecheck"
npm run --silent typecheck || fail_step typecheck
step "build"
npm run --silent build || fail_step build

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$out/unit.json"
count_vitest "$out/unit.json"

step "manifest tests"
npx vitest run --project manifest --reporter=default --reporter=json --outputFile="$out/manifest.json"
count_vitest "$out/manifest.json"

step "browser tests"
e2e_log="$out/e2e.log"
node e2e/run.mjs 2>&1 | tee "$e2e_log"
line=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed$' "$e2e_log" | tail -n 1)
if [ -n "$line" ]; then
  passed=$((passed + $(sed -E 's/^e2e: ([0-9]+) passed.*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")))
else
  fail_step "e2e (no summary)"
fi

echo
echo "addin: $passed passed, $failed failed"
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
