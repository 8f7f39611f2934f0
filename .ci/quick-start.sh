#!/usr/bin/env bash
# The README's quick start, run as a newcomer would (so it cannot rot): its first command block
# (`npm install && npm start`) on a fresh data directory and free ports, then the token-and-curl
# block of "The demo in five minutes" against it, then the customer link and the console the
# start banner points to. Fails on anything a newcomer would see go wrong.
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
block() { # the shell blocks of README.md, in order: block N (1-based)
  awk -v want="$1" '/^```sh$/{n++; on=(n==want); next} /^```$/{on=0} on' README.md
}

START=$(block 1)
CURL=$(block 3)
[ "$START" = "npm install && npm start" ] || { echo "README's first command is no longer 'npm install && npm start': update .ci/quick-start.sh"; exit 1; }
grep -q "npm run --silent token" <<<"$CURL" || { echo "README's third block is no longer the token-and-curl example: update .ci/quick-start.sh"; exit 1; }

export DATA_DIR; DATA_DIR=$(mktemp -d)
# Every server's port variable, from the subgraph registry (built by CI before; else built here).
[ -f dist/tools/hub-ports.js ] || npm run --silent build
for variable in $(node dist/tools/hub-ports.js); do export "$variable=$(free_port)"; done
# The quick start is the embedded default: no database server, no NATS.
unset DATABASE_URL NATS_URL
LOG="$DATA_DIR/start.log"
# npm start runs in its own process group, stopped whole (npm, node) as Ctrl-C would.
cleanup() {
  if [ -n "${HUB:-}" ]; then
    kill -INT -- "-$HUB" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 -- "-$HUB" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$HUB" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

echo "Quick start: '$START' on :$GATEWAY_PORT, data in $DATA_DIR"
setsid bash -c "$START" >"$LOG" 2>&1 &
HUB=$!
for _ in $(seq 1 180); do grep -q "Weft hub is running" "$LOG" && break; kill -0 "$HUB" 2>/dev/null || { cat "$LOG"; echo "npm start exited"; exit 1; }; sleep 1; done
grep -q "Weft hub is running" "$LOG" || { tail -50 "$LOG"; echo "npm start did not come up in 180 s"; exit 1; }

ANSWER=$(bash -c "${CURL//localhost:4000/localhost:$GATEWAY_PORT}")
echo "$ANSWER" | grep -q '"stageBoard":{"overdueTotal"' || { echo "The README's query answered: $ANSWER"; exit 1; }
! echo "$ANSWER" | grep -q '"errors"' || { echo "The README's query answered errors: $ANSWER"; exit 1; }

LINK=$(grep -o "http://localhost:$GATEWAY_PORT/track?link=[^ ]*" "$LOG" | head -1)
[ -n "$LINK" ] || { echo "The start banner printed no customer link"; exit 1; }
for url in "$LINK" "http://localhost:$GATEWAY_PORT/studio" "http://localhost:$GATEWAY_PORT/"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$status" = 200 ] || { echo "$url answered $status"; exit 1; }
done
echo "Quick start: npm start came up, the README's query answered, the banner's customer link and the console open."
