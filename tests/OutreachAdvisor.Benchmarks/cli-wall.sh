#!/usr/bin/env bash
# Wall time of one whole `outreach check` process on a sample (issue 2's floor: under 1.5 s).
# Usage: tests/OutreachAdvisor.Benchmarks/cli-wall.sh [runs]   (after `dotnet build -c Release`)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
dll=functions/OutreachAdvisor.Cli/bin/Release/net10.0/outreach.dll
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  dotnet "$dll" check samples/messages/en-dear-blank-coffee.eml --mailbox samples/mailbox > /dev/null || [ $? -eq 1 ]
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "outreach check, whole process, $runs runs: median ${sorted[$((runs / 2))]} ms, min ${sorted[0]} ms, max ${sorted[$((runs - 1))]} ms"
