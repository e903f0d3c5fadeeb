#!/usr/bin/env bash
# Builds the npm package `jamsos` in npm/: the WebAssembly module
# (crates/jamsos-wasm, size-optimised profile) with wasm-bindgen's `--target
# web` glue into npm/wasm/, and contract.d.ts from the contract's JSON Schema.
# Then `cd npm && npm pack` makes jamsos-<version>.tgz. Needs the
# wasm32-unknown-unknown target and wasm-bindgen-cli of the version
# jamsos-wasm pins (0.2.129: cargo install wasm-bindgen-cli --version 0.2.129
# --locked); the tests (`npm test`) also need the `jamsos` binary (JAMSOS_BIN,
# default target/release/jamsos).
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
cargo build -p jamsos-wasm --target wasm32-unknown-unknown --profile wasm-release
raw="$target_dir/wasm32-unknown-unknown/wasm-release/jamsos_wasm.wasm"

rm -rf npm/wasm
# `--target web` is an ES module whose default export fetches the `.wasm`
# beside it (browsers and bundlers); npm/node.js instead hands it the bytes
# with `initSync`, so one glue file serves both.
wasm-bindgen --target web --no-typescript --out-dir npm/wasm "$raw"
if command -v wasm-opt >/dev/null 2>&1; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types \
    --enable-multivalue \
    -o npm/wasm/jamsos_wasm_bg.wasm.opt npm/wasm/jamsos_wasm_bg.wasm
  mv npm/wasm/jamsos_wasm_bg.wasm.opt npm/wasm/jamsos_wasm_bg.wasm
fi

# The package version is the workspace's.
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("npm/package.json", "utf8"));
  if (pkg.version !== process.argv[1]) {
    pkg.version = process.argv[1];
    fs.writeFileSync("npm/package.json", JSON.stringify(pkg, null, 2) + "\n");
  }' "$version"

node npm/tools/gen-types.mjs
printf 'npm/wasm/jamsos_wasm_bg.wasm: %s bytes\n' "$(wc -c < npm/wasm/jamsos_wasm_bg.wasm)"
