#!/usr/bin/env bash
# Screenshot of a `batchgraph report` page with headless Chromium, to look at it as a person would.
#   bench/report-screenshot.sh REPORT_HTML OUT_PNG [WIDTHxHEIGHT]
set -euo pipefail
html="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
size="${3:-1280x900}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "no Chromium: apt-get install chromium" >&2
  exit 2
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="${size/x/,}" \
  --screenshot="$2" "file://$html" >/dev/null 2>&1
echo "wrote $2" >&2
