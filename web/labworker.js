// The what-if lab's Web Worker (app/worker, app/labwork): Go's support
// file, then the worker's own wasm. Should it not start (an old cache, a
// browser without WebAssembly in workers), it says so and the page runs
// the lab itself.
importScripts("/wasm_exec.js");
const go = new Go();
WebAssembly.instantiateStreaming(fetch("/web/labworker.wasm"), go.importObject)
  .then((result) => go.run(result.instance))
  .catch((err) => postMessage({ head: JSON.stringify({ id: 0, kind: "error", error: "the what-if worker did not start: " + err }) }));
