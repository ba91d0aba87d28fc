#!/bin/sh
# Compiles every .wat here to the .wasm beside it (committed: no wat2wasm resolves from Maven Central —
# com.dylibso.chicory:wabt stops at 1.0.0). Needs Node.js; wabt is WebAssembly's own toolkit, compiled to JS.
cd "$(dirname "$0")" && for f in *.wat; do npx -y -p wabt@1.0.39 wat2wasm "$f" -o "${f%.wat}.wasm" || exit 1; done
