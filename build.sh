#!/usr/bin/env bash
# The one entry point: set-up, build, serve, test, bench. Installs what is missing, skips what is present.
#
#   ./build.sh setup      install the tools: all of them, or those of `setup build|test|bench`
#   ./build.sh            build dist/ (static files, relative URLs)
#   ./build.sh serve      build, then serve dist/ on http://127.0.0.1:${PORT:-8000}/
#   ./build.sh test       every test: format, lints, native, the built .wasm, the browser
#   ./build.sh bench      benchmarks: generate() natively and in Wasm, page weight, keystroke time
set -euo pipefail
cd "$(dirname "$0")"

DIST=dist
TARGET=wasm32-unknown-unknown
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# --- set-up: each step checks first and does nothing when the tool is there ------------------

# setup [build|test|bench|all]: what each command needs, installed where missing, said either way.
setup() {
  local what=${1:-all}
  say "set-up for ${what}: checking Rust's $TARGET target, wasm-bindgen-cli, the npm packages of package-lock.json (each installed only if missing, and said)"
  need_wasm_target
  need_wasm_bindgen
  need_node_modules
  case "$what" in
    test | all)
      say "set-up for tests: checking Debian's chromium, the test hosts' npm packages, the Python tools of tests/iac"
      need_chromium
      need_host_modules
      need_python_tools
      ;;
  esac
  case "$what" in
    bench | all)
      say "set-up for benchmarks: checking Debian's chromium, lighthouse@12.2.3 under .tools/"
      need_chromium
      need_lighthouse
      ;;
  esac
}

need_wasm_target() {
  if ! rustup target list --installed | grep -qx "$TARGET"; then
    say "installing the Rust target $TARGET"
    rustup target add "$TARGET"
  fi
}

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly.
need_wasm_bindgen() {
  local want have=""
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
  if command -v wasm-bindgen >/dev/null; then have=$(wasm-bindgen --version | awk '{print $2}'); fi
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found '${have:-none}'; takes about 2 minutes)"
    cargo install wasm-bindgen-cli --version "=$want" --force
  fi
}

# npm packages (binaryen's wasm-opt, playwright-core, axe-core) from the committed lock file.
need_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
  fi
}

# The test hosts, each pinned in its own lock file, where the browser tests install the packed
# embed: tests/host (React, TypeScript, Vite; host.test.mjs) and tests/host-* (webpack, Vue + Vite,
# Next.js, AngularJS; hosts.test.mjs). Each installed again only when its lock changes.
need_host_modules() {
  local host lock stamp
  for host in tests/host tests/host-*/; do
    host=${host%/}
    lock=$host/package-lock.json stamp=$host/node_modules/.package-lock.json
    if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
      say "installing the test host's npm packages from $lock"
      (cd "$host" && npm ci --no-audit --no-fund)
    fi
  done
}

need_lighthouse() {
  if [ ! -x .tools/lighthouse/node_modules/.bin/lighthouse ]; then
    say "installing lighthouse@12.2.3 under .tools/ (benchmarks only)"
    npm install --prefix .tools/lighthouse --no-audit --no-fund --no-save lighthouse@12.2.3 >/dev/null
  fi
}

# Debian's chromium (browsers cannot be downloaded here): the one step that needs apt-get and root.
need_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium for the browser tests"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
}

# --- infrastructure as code: tests/iac runs the generated scripts and templates through the real
# tools (bash -n, cfn-lint, python-hcl2, awscli v1 against a local moto server). They live in a
# venv under .tools/py, made again whenever tests/iac/requirements.txt changes.

PY_TOOLS=.tools/py

need_python_tools() {
  local req=tests/iac/requirements.txt stamp="$PY_TOOLS/requirements.txt"
  if [ -x "$PY_TOOLS/bin/python" ] && cmp -s "$req" "$stamp"; then
    return
  fi
  if ! command -v python3 >/dev/null || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    say "installing Debian's python3 and python3-venv"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3 python3-venv >/dev/null
  fi
  say "installing the Python test tools into $PY_TOOLS from $req (about 30 seconds)"
  rm -rf "$PY_TOOLS"
  python3 -m venv "$PY_TOOLS"
  "$PY_TOOLS/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$req"
  cp "$req" "$stamp" # last: an install that failed is tried again next time
}

test_iac() {
  say "infrastructure as code: bash -n, cfn-lint, moto, python-hcl2"
  PYTHONDONTWRITEBYTECODE=1 "$PY_TOOLS/bin/python" -m pytest -q tests/iac
}

# --- build -----------------------------------------------------------------------------------

# Two builds of the Wasm crate (crates/wasm): `ecs_guide` (the six documents and their sizes: what
# the first visit loads) and `ecs_guide_full` (the `full` feature: findings, merge, check,
# infrastructure as code, loaded when the reader gets near them).
build_wasm() {
  local out="$DIST/pkg"
  rm -rf "$out"
  mkdir -p "$out"
  wasm_package ecs_guide wasm --no-default-features
  wasm_package ecs_guide_full wasm-full
}

# wasm_package NAME PROFILE [cargo flags]: builds crates/wasm for the browser into $DIST/pkg/NAME*.
wasm_package() {
  local name=$1 profile=$2 out="$DIST/pkg"
  shift 2
  say "building the Wasm core: $name"
  cargo build --profile "$profile" --locked --target "$TARGET" -p ecs-guide-wasm "$@"
  wasm-bindgen --target web --out-dir "$out" --out-name "$name" \
    "target/$TARGET/$profile/ecs_guide_wasm.wasm"
  # --converge and --strip-target-features (metadata no browser reads): 0.3 KB less compressed.
  node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
}

build_site() {
  say "rendering the site"
  cargo run --release --locked --quiet -p ecs-guide-site --bin build-site -- --out "$DIST"
}

# The shipped JavaScript and CSS, minified in place (esbuild): every reader downloads them. After
# the embed's bundle, which reads the glue as wasm-bindgen wrote it (and minifies itself).
minify() {
  say "minifying the JavaScript and CSS"
  local file
  node_modules/.bin/esbuild "$DIST/style.css" --minify --log-level=warning --allow-overwrite \
    --outfile="$DIST/style.css"
  # The page's script is one file: app.js with live.js and the small build's glue in it (one
  # request, one compressed stream); the full build and links.js stay separate, loaded when needed.
  node_modules/.bin/esbuild "$DIST/app.js" --bundle '--external:./links.js' --format=esm --target=es2022 \
    --log-level=warning --allow-overwrite --outfile="$DIST/app.js"
  for file in "$DIST"/*.js "$DIST"/pkg/*.js "$DIST"/embed/demo.js "$DIST"/embed/ecs_guide_full.js; do
    node_modules/.bin/esbuild "$file" --minify --format=esm --target=es2022 \
      --log-level=warning --allow-overwrite --outfile="$file"
  done
}

build() {
  build_wasm
  build_site
  say "bundling the embed (esbuild)"
  node tools/build-embed.mjs "$DIST"
  minify
  say "built $DIST/ ($(du -sh "$DIST" | cut -f1))"
}

# --- commands --------------------------------------------------------------------------------

cmd_serve() {
  setup build
  build
  exec node tools/serve.mjs "$DIST" "${PORT:-8000}"
}

cmd_test() {
  setup test
  say "cargo fmt --check"
  cargo fmt --all -- --check
  say "cargo clippy"
  cargo clippy --locked --all-targets -- -D warnings
  cargo clippy --locked --target "$TARGET" -p ecs-guide-wasm -- -D warnings
  cargo clippy --locked --target "$TARGET" -p ecs-guide-wasm --no-default-features -- -D warnings
  say "native tests"
  cargo test --locked
  say "native tests of the small build (no \`full\` feature)"
  cargo test --locked -p ecs-guide --lib --no-default-features
  test_iac
  build
  say "tests of the built .wasm (Node)"
  node --test tests/wasm/
  say "browser tests (headless Chromium)"
  node --test --test-concurrency=1 tests/browser/
  say "all tests passed"
}

cmd_bench() {
  setup bench
  build
  say "generate(), native"
  cargo bench --locked --bench generate
  say "generate(), the built .wasm in Node"
  node tools/bench-wasm.mjs "$DIST"
  say "page weight and keystroke time (headless Chromium)"
  node tools/bench-browser.mjs "$DIST"
  say "Lighthouse (all four categories)"
  node tools/bench-lighthouse.mjs "$DIST"
}

case "${1:-build}" in
  setup) setup "${2:-all}" ;;
  build) setup build && build ;;
  serve) cmd_serve ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  *) echo "usage: $0 [setup|build|serve|test|bench]" >&2; exit 2 ;;
esac
