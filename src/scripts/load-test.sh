#!/usr/bin/env bash
# Bounded load test of a running portal with wrk (Debian package wrk), on loopback only.
#   src/scripts/load-test.sh [PORT] [SECONDS]
# Start the portal first, e.g.: java -Xmx512m -jar target/gongkai.jar serve --index bench-out/index-1 --port 7070
# Prints requests/s, latency percentiles and errors for /api/search and /search; exits 1 on any error.
set -euo pipefail
PORT="${1:-7070}"
SECONDS_="${2:-10}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
fail=0
for path in \
  "/api/search?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22" \
  "/api/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&region=%E6%B9%96%E5%8C%97%E7%9C%81" \
  "/search?q=%22%E6%9C%BA%E5%85%B3%E8%BF%90%E8%A1%8C%E7%BB%8F%E8%B4%B9%22&year=2024"; do
  echo "== $path"
  out="$(wrk -t2 -c16 -d"${SECONDS_}s" --timeout 5s --latency "http://127.0.0.1:${PORT}${path}")"
  echo "$out" | grep -E "Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors" || true
  if echo "$out" | grep -qE "Non-2xx|Socket errors"; then fail=1; fi
done
exit "$fail"
