// run_wasm.cjs runs a Go js/wasm program with a given wasm_exec.js, as a
// browser would (no Node fs: wasm_exec.js's own console polyfill prints).
//
//   node run_wasm.cjs <wasm_exec.js> <program.wasm>
"use strict";

const [wasmExec, program] = process.argv.slice(2);
const wasm = require("fs").readFileSync(program);
require(require("path").resolve(wasmExec));

const go = new Go();
WebAssembly.instantiate(wasm, go.importObject)
  .then((result) => go.run(result.instance))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
