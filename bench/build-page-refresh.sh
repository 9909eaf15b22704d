#!/usr/bin/env bash
# The build page's refresh script (AwsBatchGraphAction/refresh.js) in headless Chromium, under a
# Content-Security-Policy that allows only scripts served by the site (as Jenkins' does): a page holding an old
# graph polls a progress endpoint and must show the new SVG and the new stage line.
#   bench/build-page-refresh.sh REPORT_HTML [OUT_PNG]   (a `batchgraph report` page: its SVG is the "new" graph;
#   OUT_PNG: also a screenshot of that stand-in page after its refresh. It is not Jenkins' page: Jenkins' frame,
#   side panel and failed-items table are missing; it shows what the build page's graph part draws.)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "no Chromium: apt-get install chromium" >&2; exit 2; }
dir="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
cp "$here/src/main/resources/io/jenkins/plugins/awsbatch/action/AwsBatchGraphAction/refresh.js" "$dir/refresh.js"
python3 - "$1" "$dir" <<'PY'
import json, re, sys
svg = re.search(r'<svg.*?</svg>', open(sys.argv[1]).read(), re.S).group(0)
open(sys.argv[2] + '/progress', 'w').write(json.dumps({"runId": "r", "outcome": None, "live": True, "svg": svg,
    "stages": [{"name": "score", "summary": "NEW LINE 3/3 succeeded", "running": 0, "waiting": 0}]}))
open(sys.argv[2] + '/index.html', 'w').write('''<!DOCTYPE html><html><body>
<div class="abg-graph" id="abg-graph" data-progress-url="progress" data-live="true"><svg xmlns="http://www.w3.org/2000/svg"><text>OLD</text></svg></div>
<ul class="abg-stages"><li data-stage="score"><span class="abg-line">old line</span></li></ul>
<script src="refresh.js"></script></body></html>''')
PY
cat > "$dir/serve.py" <<'PY'
import http.server, sys
class H(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'")
        super().end_headers()
    def guess_type(self, path):
        return "application/json" if path.endswith("progress") else super().guess_type(path)
    def log_message(self, *a):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$dir" && exec python3 serve.py "$port") & server=$!
sleep 1
dom="$("$browser" --headless --no-sandbox --disable-gpu --virtual-time-budget=12000 --dump-dom "http://127.0.0.1:$port/index.html" 2>/dev/null)"
fail=0
grep -q 'class="edge"' <<<"$dom" || { echo "FAIL: the new SVG (with its edges) was not put in the page" >&2; fail=1; }
grep -q '>OLD<' <<<"$dom" && { echo "FAIL: the old SVG is still there" >&2; fail=1; }
grep -q 'NEW LINE 3/3 succeeded; 0 running, 0 waiting' <<<"$dom" || { echo "FAIL: the stage line was not updated" >&2; fail=1; }
[ "$fail" = 0 ] && echo "refresh.js under CSP: new SVG and stage line shown" >&2
if [ "$fail" = 0 ] && [ -n "${2:-}" ]; then
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,700 \
    --virtual-time-budget=12000 --screenshot="$2" "http://127.0.0.1:$port/index.html" >/dev/null 2>&1
  echo "wrote $2" >&2
fi
exit "$fail"
