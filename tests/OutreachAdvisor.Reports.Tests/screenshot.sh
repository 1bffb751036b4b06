#!/usr/bin/env bash
# Renders report.html for the sample mailbox (samples/mailbox, owner ann@lee.example) and takes a
# screenshot with headless chromium: artifacts/report.png (git-ignored). Optional: a second page
# from a generated mailbox (artifacts/report-large.png) to see the charts with real numbers.
#   tests/OutreachAdvisor.Reports.Tests/screenshot.sh [--large]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/artifacts"
mkdir -p "$out"
chromium="${CHROMIUM:-/usr/bin/chromium}"

shoot() { # html png height
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --screenshot="$2" --window-size=1200,"$3" "file://$1" >/dev/null 2>&1
  echo "wrote $2"
}

dotnet run --project "$root/functions/OutreachAdvisor.Cli" -- report --mailbox "$root/samples/mailbox" --out "$out" >/dev/null
shoot "$out/report.html" "$out/report.png" 2600

if [ "${1:-}" = "--large" ]; then
  dotnet run -c Release --project "$root/tests/OutreachAdvisor.Reports.Benchmarks" -- 3000 --html "$out/report-large.html" >/dev/null
  shoot "$out/report-large.html" "$out/report-large.png" 3400
fi
