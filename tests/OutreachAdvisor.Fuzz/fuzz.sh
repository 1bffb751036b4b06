#!/usr/bin/env bash
# Runs one SharpFuzz harness under AFL++ for a given time (not part of CI; CI replays Crashes/).
#   tests/OutreachAdvisor.Fuzz/fuzz.sh HARNESS SECONDS [OUT_DIR]     (FUZZ_PUBLISHED=DIR reuses a published build)
# HARNESS: mime | html | analyze-request | found-at. Needs afl++ (apt-get install afl++) and the
# SharpFuzz.CommandLine tool (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0).
# Builds into a private folder, instruments the assemblies under test with `sharpfuzz`, runs afl-fuzz
# for SECONDS, prints executions and crashes from fuzzer_stats, and copies any crashing input into
# Crashes/HARNESS/ (commit it: the regression tests replay every file there).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
harness="${1:?harness: mime | html | analyze-request | found-at}"
seconds="${2:?seconds to run}"
out="${3:-$(mktemp -d -t "fuzz-$harness-XXXX")}"
export PATH="$PATH:$HOME/.dotnet/tools"
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
command -v sharpfuzz >/dev/null || { echo "sharpfuzz not found: dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0" >&2; exit 2; }

# Which assemblies carry the code under test (instrumented so AFL++ sees its branches).
case "$harness" in
  mime) targets="OutreachAdvisor.Mailbox.dll MimeKit.dll" ;;
  html) targets="OutreachAdvisor.Analysis.dll" ;;
  analyze-request) targets="OutreachAdvisor.Api.dll OutreachAdvisor.Analysis.dll" ;;
  found-at) targets="OutreachAdvisor.FoundAt.dll" ;;
  *) echo "unknown harness: $harness" >&2; exit 2 ;;
esac

mkdir -p "$out"
build="$out/build"
if [ -n "${FUZZ_PUBLISHED:-}" ]; then
  # A folder published once (dotnet publish tests/OutreachAdvisor.Fuzz -c Release -o DIR), copied so that
  # each harness instruments its own copy: saves a build per harness on a busy machine.
  cp -r "$FUZZ_PUBLISHED" "$build"
elif ! dotnet publish "$here/OutreachAdvisor.Fuzz.csproj" -c Release -o "$build" -nologo -v q >"$out/build.log" 2>&1; then
  echo "the harness did not build:" >&2; grep -E "error" "$out/build.log" | head -n 20 >&2; exit 1
fi
for dll in $targets; do sharpfuzz "$build/$dll" >/dev/null; done

# dotnet itself is not instrumented (the assemblies are: skip the binary check); no core dumps or CPU
# governor to wait for in a container; no pinning to a core.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 DOTNET_TieredPGO=0
afl-fuzz -i "$here/Seeds/$harness" -o "$out/afl" -V "$seconds" -t 5000 -m none -- dotnet "$build/OutreachAdvisor.Fuzz.dll" "$harness" >"$out/afl.log" 2>&1 || true

stats="$out/afl/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "afl-fuzz did not start; its output:" >&2
  tail -n 40 "$out/afl.log" >&2
  exit 1
fi
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)' "$stats"
mkdir -p "$here/Crashes/$harness"
for crash in "$out"/afl/default/crashes/id:*; do
  [ -f "$crash" ] || continue
  cp "$crash" "$here/Crashes/$harness/$(sha1sum "$crash" | cut -c1-12).bin"
done
echo "crash inputs kept in: $here/Crashes/$harness"
