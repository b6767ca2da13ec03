#!/usr/bin/env bash
# Runs the built server (apps/server/dist) on Node 22 and 24, next to the project's Node 20,
# and smoke-tests each over HTTP (apps/server/scripts/node-compat-smoke.ts, run on Node 20).
# Each Node comes from the registry's node-<platform>-<arch> package (newest of its major).
# better-sqlite3 is not N-API, so a copy of it is compiled for each Node's ABI, and the server
# runs from a temporary directory whose node_modules holds that copy and links the rest.
# Usage: scripts/node-compat.sh [major ...]   (default: 22 24). Needs the server built.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
server="$root/apps/server"
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(22 24)

if [ ! -f "$server/dist/main.js" ]; then
  echo 'node-compat: the server is not built: run `pnpm --filter @genhub/server build`' >&2
  exit 1
fi

platform=$(node -p 'process.platform + "-" + process.arch')
bsql=$(readlink -f "$server/node_modules/better-sqlite3")
bindings=$(node -p "require('node:path').dirname(require.resolve('bindings/package.json', { paths: ['$bsql'] }))")
# pnpm and npm name their node-gyp for install scripts; outside them, npm's own.
gyp_js=${npm_config_node_gyp:-$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js}
[ -f "$gyp_js" ] || { echo "node-compat: no node-gyp at $gyp_js" >&2; exit 1; }
# What dist/main.js imports at run time: the server's dependencies (workspace packages are bundled).
externals=$(node -p "Object.keys(require('$server/package.json').dependencies)
  .filter((name) => !name.startsWith('@genhub/') && name !== 'better-sqlite3').join('\n')")

work=$(mktemp -d "${TMPDIR:-/tmp}/genhub-node-compat.XXXXXX")
cleanup() {
  local running
  running=$(jobs -p) # this script's own background processes still running: downloads, servers
  [ -z "$running" ] || kill $running 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Compiles a copy of better-sqlite3 into $2 for the Node whose binary and headers are under $1
# (the layout of an official tarball: bin/node, include/node/common.gypi).
build_better_sqlite3() {
  local nodedir=$1 dest=$2
  mkdir -p "$dest/node_modules" &&
    (cd "$bsql" && tar cf - --exclude=./build --exclude=./node_modules .) | (cd "$dest" && tar xf -) &&
    ln -s "$bindings" "$dest/node_modules/bindings" &&
    (
      cd "$dest" || exit 1
      # pnpm passes its config as npm_config_* (nodedir=/usr among it), which node-gyp would
      # prefer over the flags below.
      for name in $(compgen -e); do
        case ${name,,} in npm_config_* | npm_package_config_*) unset "$name" ;; esac
      done
      "$nodedir/bin/node" "$gyp_js" configure --release --nodedir="$nodedir" || exit 1
      make_args=(-C build BUILDTYPE=Release)
      prebuilt="$bsql/build/Release/obj.target/deps/sqlite3.a"
      if [ -f "$prebuilt" ]; then
        # SQLite's C code does not depend on Node: link the library `pnpm install` compiled
        # and compile only the binding against this Node (a minute less per Node).
        mkdir -p build/Release/obj.target/deps &&
          cp "$prebuilt" build/Release/obj.target/deps/sqlite3.a || exit 1
        make_args+=(-o Release/obj.target/deps/sqlite3.a)
      fi
      make "${make_args[@]}" better_sqlite3
    )
}

# Prints the log's last lines under a failure.
show() { tail -n 40 "$1" | sed 's/^/    /'; }

# Prepares and smoke-tests one Node major and prints its line; a failure sets `status`.
status=0
check_major() {
  local major=$1 dir="$work/node$major"
  local nodedir="$dir/prefix/node_modules/node-$platform"
  local node="$nodedir/bin/node" app="$dir/app" version="$major" port pid result
  if ! wait "${fetches[$major]}"; then
    echo "node $major: FAILED: npm install node-$platform@$major"
    show "$dir/npm.log"
    status=1
    return
  fi
  version=$("$node" -v)

  mkdir -p "$app/node_modules"
  cp -R "$server/dist" "$app/dist"
  for migrations in "$server"/drizzle*; do [ ! -d "$migrations" ] || cp -R "$migrations" "$app/"; done
  echo '{ "private": true, "type": "module" }' >"$app/package.json"
  for name in $externals; do
    mkdir -p "$(dirname "$app/node_modules/$name")"
    ln -s "$(readlink -f "$server/node_modules/$name")" "$app/node_modules/$name"
  done
  if ! build_better_sqlite3 "$nodedir" "$app/node_modules/better-sqlite3" >"$dir/build.log" 2>&1; then
    echo "node $version: FAILED: compiling better-sqlite3"
    show "$dir/build.log"
    status=1
    return
  fi

  port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => {
    console.log(s.address().port); s.close(); })')
  # A clean environment: CI's DATABASE_URL or S3_* must not reach this SQLite-on-disk run.
  (cd "$app" && exec env -i PATH="$PATH" HOME="$HOME" TMPDIR="${TMPDIR:-/tmp}" \
    NODE_ENV=production MALLOC_ARENA_MAX=2 HOST=127.0.0.1 PORT="$port" DATA_DIR="$dir/data" \
    LOG_LEVEL=warn LOCAL_PROVIDER_DELAY_MS=0 "$node" --enable-source-maps dist/main.js) \
    >"$dir/server.log" 2>&1 &
  pid=$!
  if result=$(cd "$server" && node --import tsx scripts/node-compat-smoke.ts \
    --url "http://127.0.0.1:$port" --pid "$pid" 2>&1); then
    echo "node $version: $result"
  else
    echo "node $version: FAILED: $result"
    echo "  server log:"
    show "$dir/server.log"
    status=1
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Every Node downloads at once (the download is most of the wait); then one check at a time.
declare -A fetches
for major in "${majors[@]}"; do
  mkdir -p "$work/node$major"
  npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    --prefix "$work/node$major/prefix" "node-$platform@$major" >"$work/node$major/npm.log" 2>&1 &
  fetches[$major]=$!
done
for major in "${majors[@]}"; do check_major "$major"; done
echo "node-compat: $([ "$status" = 0 ] && echo passed || echo FAILED) in $SECONDS s"
exit "$status"
