#!/usr/bin/env bash
# Issue 22 item 6: the scale-out example (examples/scale-out) against a real Redis. Installs
# redis-server from Debian if missing; the ioredis driver BullMQ loads (an optional peer of bullmq) is a pinned devDependency
# of bullmq, not a project dependency) if missing, starts Redis on loopback on a free port,
# runs the integration test (its own vitest config, outside `npm test`), and stops Redis on
# any exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v redis-server >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq redis-server >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }
fi
if [ ! -f node_modules/ioredis/package.json ]; then
  npm install --no-save --no-audit --no-fund --ignore-scripts ioredis@5 >/dev/null
fi
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log"
stop() {
  if [ -f "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap stop EXIT
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
REDIS_URL="redis://127.0.0.1:$port" npx vitest run --config examples/scale-out/vitest.config.ts --reporter=default
