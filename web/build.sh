#!/usr/bin/env bash
# Builds the simulator page's WebAssembly module into web/pkg/:
# jamsos-wasm for wasm32-unknown-unknown with the size-optimised profile,
# then wasm-bindgen's `--target web` glue (an ES module the page imports).
# Needs the wasm32-unknown-unknown target and wasm-bindgen-cli of the same
# version as the crate's wasm-bindgen (.ci/browser installs both).
# Prints the module's size in bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
cargo build -p jamsos-wasm --target wasm32-unknown-unknown --profile wasm-release
raw="$target_dir/wasm32-unknown-unknown/wasm-release/jamsos_wasm.wasm"

rm -rf web/pkg
wasm-bindgen --target web --no-typescript --out-dir web/pkg "$raw"

# wasm-opt (binaryen) shrinks the module further when it is installed; the
# page does not need it (the size target is met without it).
if command -v wasm-opt >/dev/null 2>&1; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types \
    --enable-multivalue \
    -o web/pkg/jamsos_wasm_bg.wasm.opt web/pkg/jamsos_wasm_bg.wasm
  mv web/pkg/jamsos_wasm_bg.wasm.opt web/pkg/jamsos_wasm_bg.wasm
fi

printf 'rustc output: %s bytes\n' "$(wc -c < "$raw")"
printf 'web/pkg/jamsos_wasm_bg.wasm: %s bytes\n' "$(wc -c < web/pkg/jamsos_wasm_bg.wasm)"
