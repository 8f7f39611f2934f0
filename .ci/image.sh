#!/usr/bin/env bash
# The image without a Docker engine (none runs here): lint the Dockerfile, run its build stage's
# RUN commands in a clean copy of the committed tree, assemble the final stage from its
# `COPY --from=build` lines, check it holds production dependencies only, then start it with the
# image's CMD and ENV (production: it refuses to start without AUTH_SECRET), ask it the image's
# HEALTHCHECK — for the gateway and for each subgraph — and check it offers no demo sign-in and keeps
# its data private.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

node_modules/.bin/dockerfile-utils lint Dockerfile

WORK=$(mktemp -d)
cleanup() {
  if [ -n "${HUB:-}" ]; then
    kill -INT "$HUB" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$HUB" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$HUB" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
BUILD="$WORK/build" FINAL="$WORK/final"
mkdir -p "$BUILD" "$FINAL"
git archive HEAD | tar -x -C "$BUILD"

# The build stage's RUN lines (continuations joined), in order, as `docker build` runs them.
stage_lines() { # $1: build | final
  awk -v want="$1" '
    /^FROM / { stage = ($0 ~ / AS build$/) ? "build" : "final"; next }
    stage == want { if (sub(/\\$/, "")) { line = line $0; next } print line $0; line = "" }
  ' Dockerfile
}
echo "Image: the build stage in a clean copy of the tree"
while IFS= read -r run; do
  (cd "$BUILD" && bash -euo pipefail -c "${run#RUN }")
done < <(stage_lines build | grep '^RUN ')

echo "Image: the final stage"
while read -r _ _ from to; do
  mkdir -p "$(dirname "$FINAL/${to#./}")"
  cp -a "$BUILD/${from#/app/}" "$FINAL/${to#./}"
done < <(stage_lines final | grep '^COPY --from=build ')
# (typescript stays: i18next, a web dependency, asks for it as a peer.)
for dev in jest ts-jest playwright-core vite @graphql-codegen/cli madge; do
  [ ! -e "$FINAL/node_modules/$dev" ] || { echo "Image: the final stage holds the dev dependency $dev"; exit 1; }
done

# Start it as the image would: its CMD and its ENV (WEFT_ENV=production), on free ports, fresh
# data and loopback (HOST=127.0.0.1 instead of the image's 0.0.0.0).
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
CMD=$(stage_lines final | grep '^CMD ' | sed 's/^CMD //' | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0,"utf8")).join(" "))')
HEALTHCHECK=$(stage_lines final | grep '^HEALTHCHECK ' | sed 's/^.* CMD //' | node -e 'const a=JSON.parse(require("fs").readFileSync(0,"utf8")); process.stdout.write(a[2])')
IMAGE_ENV=$(stage_lines final | grep '^ENV ' | sed 's/^ENV //')
for assignment in $IMAGE_ENV; do export "$assignment"; done
[ "${WEFT_ENV:-}" = production ] || { echo "Image: the Dockerfile's ENV does not set WEFT_ENV=production"; exit 1; }
export HOST=127.0.0.1
# Every server's port variable, from the subgraph registry as built into the image.
PORT_VARIABLES=$(cd "$FINAL" && node dist/tools/hub-ports.js)
for variable in $PORT_VARIABLES; do export "$variable=$(free_port)"; done
unset DATABASE_URL NATS_URL AUTH_SECRET SEED_DEMO DEMO_SIGN_IN
mkdir -p "$FINAL/data"

# Without AUTH_SECRET the image refuses to start, saying what to set.
if (cd "$FINAL" && timeout 60 $CMD > "$WORK/refused.log" 2>&1); then
  echo "Image: started without AUTH_SECRET"; exit 1
fi
grep -q "WEFT_ENV=production needs AUTH_SECRET" "$WORK/refused.log" || { echo "Image: without AUTH_SECRET it said:"; cat "$WORK/refused.log"; exit 1; }

AUTH_SECRET=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64url'))")
cd "$FINAL"
AUTH_SECRET="$AUTH_SECRET" $CMD > "$WORK/hub.log" 2>&1 &
HUB=$!
cd "$ROOT"
healthy() { env "$@" node -e "$HEALTHCHECK"; }
for _ in $(seq 1 120); do healthy PORT= && break; sleep 1; done
healthy PORT= || { echo "Image: the gateway never became healthy"; tail -20 "$WORK/hub.log"; exit 1; }
# …and each subgraph on the port it was given (the registry's, so none is missed).
for variable in $PORT_VARIABLES; do
  case "$variable" in GATEWAY_PORT | WECHAT_STUB_PORT) continue ;; esac
  healthy PORT="${!variable}" || { echo "Image: the subgraph on $variable (${!variable}) is not healthy"; tail -20 "$WORK/hub.log"; exit 1; }
done

# Nobody reaching its port signs in: no demo sign-in (404).
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'content-type: application/json' -d '{"role":"HUB_ADMIN"}' "http://127.0.0.1:$GATEWAY_PORT/demo/sign-in")
[ "$status" = 404 ] || { echo "Image: /demo/sign-in answered $status, not 404"; exit 1; }
# The data directory (made with a plain mkdir above, 0755) is the node user's alone once the hub
# has started, and so is every file in it.
mode=$(stat -c '%a' "$FINAL/data")
[ "$mode" = 700 ] || { echo "Image: the data directory is $mode, not 700"; exit 1; }
open_files=$(find "$FINAL/data" -type f ! -perm 600)
[ -z "$open_files" ] || { echo "Image: data files readable by others:"; ls -l $open_files; exit 1; }
ls "$FINAL/data"/orders.db >/dev/null || { echo "Image: no SQLite files in the data directory"; exit 1; }
echo "Image: built from the Dockerfile's steps, production dependencies only, refuses to start without AUTH_SECRET, healthy (gateway :$GATEWAY_PORT and $(($(wc -w <<<"$PORT_VARIABLES") - 2)) subgraphs), no demo sign-in, private data"
